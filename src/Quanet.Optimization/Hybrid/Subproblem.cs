using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Hybrid;

/// <summary>
/// A subproblem of a <see cref="HybridModel"/>: the free decision variables, and the QUBO over them (decisions first,
/// in the order of <see cref="Variables"/>, then the slack bits its residual constraints need) whose energy minimised
/// over those slack bits, plus <see cref="Offset"/>, equals the full model's <see cref="HybridModel.Energy"/> with every
/// other variable clamped to its current value.
/// </summary>
/// <param name="Variables">The free decision variables (indices of the full model).</param>
/// <param name="Model">The sub-QUBO handed to the sub-solver.</param>
/// <param name="Offset">The clamped part's energy, so that sub-energy + offset = full energy.</param>
public sealed record Subproblem(int[] Variables, BinaryQuadraticModel Model, double Offset)
{
    /// <summary>The incumbent as a state of <see cref="Model"/> (its decisions, the slack bits at their best), for warm starts; null when unknown.</summary>
    public sbyte[]? Current { get; init; }

    /// <summary>Set variables the selection took out before clamping (ruin and recreate): the move sets them to 0, the sub-QUBO re-covers what they leave.</summary>
    public int[] Ruined { get; init; } = [];
}
