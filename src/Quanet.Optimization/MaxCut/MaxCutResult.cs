using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.MaxCut;

/// <summary>A cut found by <see cref="MaxCutSolver"/>.</summary>
/// <param name="Cut">The weight of the edges between the two sides.</param>
/// <param name="Sides">The side of every vertex (+1 / -1).</param>
/// <param name="Energy">The Ising energy sum w_ij s_i s_j of <paramref name="Sides"/>.</param>
/// <param name="Statistics">How the sampler run went.</param>
public sealed record MaxCutResult(double Cut, sbyte[] Sides, double Energy, SamplerStatistics Statistics);
