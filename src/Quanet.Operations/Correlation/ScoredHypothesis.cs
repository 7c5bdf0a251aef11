namespace Quanet.Operations.Correlation;

/// <summary>A hypothesis as scored against the waiting alarms of one grouping round.</summary>
/// <param name="Hypothesis">The candidate root cause.</param>
/// <param name="Score">Weighted match of its predicted alarms against the waiting ones, less the penalty for missing ones.</param>
/// <param name="Explained">How many waiting alarms it explains.</param>
/// <param name="Evidence">Supporting evidence beyond the alarms (a recent configuration change), or null.</param>
internal readonly record struct ScoredHypothesis(Hypothesis Hypothesis, double Score, int Explained, string? Evidence);
