namespace Quanet.Optimization.Sampling;

/// <summary>A progress report from a sampler.</summary>
/// <param name="Elapsed">Time since the call started.</param>
/// <param name="BestEnergy">Lowest energy found so far.</param>
/// <param name="ReadsDone">Reads finished.</param>
/// <param name="ReadsTotal">Reads requested.</param>
public readonly record struct SamplerProgress(TimeSpan Elapsed, double BestEnergy, int ReadsDone, int ReadsTotal);
