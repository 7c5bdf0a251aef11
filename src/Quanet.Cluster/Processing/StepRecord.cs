namespace Quanet.Cluster.Processing;

/// <summary>A runbook step's row: its state and its recorded result (JSON), if any.</summary>
/// <param name="State">The step's state.</param>
/// <param name="Result">The recorded result, or null.</param>
internal readonly record struct StepRecord(StepState State, string? Result);
