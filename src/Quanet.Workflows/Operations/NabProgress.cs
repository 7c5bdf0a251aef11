namespace Quanet.Workflows.Operations;

/// <summary>One series of a NAB corpus scored.</summary>
/// <param name="Done">Series scored so far (1-based count).</param>
/// <param name="Total">Series in the corpus.</param>
/// <param name="Series">The series just scored (relative path).</param>
public readonly record struct NabProgress(int Done, int Total, string Series);
