namespace Quanet.Optimization.Hybrid;

/// <summary>
/// What a problem may add to the generic loop: a start, a feasibility check beyond the model's constraints, a
/// classical repair, and a structured neighbourhood. Every member is optional.
/// </summary>
public sealed record HybridHooks
{
    /// <summary>The starting decisions (e.g. a classical greedy solution); null starts from all zeros.</summary>
    public sbyte[]? Start { get; init; }

    /// <summary>Extra feasibility (e.g. capacities the QUBO does not encode); the model's constraints are always checked too.</summary>
    public Func<ReadOnlyMemory<sbyte>, bool>? IsFeasible { get; init; }

    /// <summary>Makes decisions feasible in place (classical repair); returns whether it changed anything.</summary>
    public Func<sbyte[], bool>? Repair { get; init; }

    /// <summary>
    /// Variables near a variable (e.g. sites within reach of a site), nearest first; null uses the model's own
    /// structure (variables sharing a coupling or a constraint).
    /// </summary>
    public Func<int, IReadOnlyList<int>>? Neighbourhood { get; init; }
}
