namespace Quanet.Optimization.Hybrid;

/// <summary>The outcome of a <see cref="HybridSolver"/> run.</summary>
/// <param name="State">Best decisions found (binary 0/1), feasible whenever <paramref name="Feasible"/>.</param>
/// <param name="Energy">Its <see cref="HybridModel.Energy"/>.</param>
/// <param name="Feasible">Whether it meets the model's constraints and the problem's own check.</param>
/// <param name="Statistics">Work and where the improvement came from.</param>
public sealed record HybridResult(sbyte[] State, double Energy, bool Feasible, HybridStatistics Statistics);
