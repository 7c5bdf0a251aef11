namespace Quanet.Optimization.Embedding;

/// <summary>A physical sample mapped back to the logical model.</summary>
/// <param name="State">The logical state, in the logical model's domain (0/1 or -1/+1).</param>
/// <param name="Energy">The logical model's energy of <paramref name="State"/>.</param>
/// <param name="BrokenChains">Chains whose qubits disagreed.</param>
/// <param name="ChainBreakFraction">Broken chains over all chains (0 for a model without variables).</param>
public sealed record UnembeddedSample(sbyte[] State, double Energy, int BrokenChains, double ChainBreakFraction);
