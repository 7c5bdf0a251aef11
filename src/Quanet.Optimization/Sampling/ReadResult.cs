namespace Quanet.Optimization.Sampling;

/// <summary>What one read returns: its best spin state and the moves it evaluated.</summary>
/// <param name="Spins">The best state of the read in spin (-1/+1) form.</param>
/// <param name="FlipAttempts">Single-variable moves evaluated.</param>
internal sealed record ReadResult(sbyte[] Spins, long FlipAttempts);
