using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Optimization.Steiner;

/// <summary>A checked Steiner tree with its bound.</summary>
public sealed record SteinerSolution
{
    /// <summary>Tree edges as ids of the input graph.</summary>
    public required IReadOnlyList<int> Edges { get; init; }

    /// <summary>Tree cost recomputed from the input graph.</summary>
    public required long Cost { get; init; }

    /// <summary>Proven lower bound of the optimum.</summary>
    public required long LowerBound { get; init; }

    /// <summary>True when the cost is proven optimal.</summary>
    public bool Optimal => LowerBound >= Cost;

    /// <summary>Relative gap (cost - bound) / cost, 0 when optimal.</summary>
    public double Gap => Cost == 0 ? 0 : (Cost - LowerBound) / (double)Cost;

    /// <summary>What the reductions did.</summary>
    public required ReductionStatistics Reduction { get; init; }

    /// <summary>Wall-clock time of the solve.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Method used.</summary>
    public required SteinerMethod Method { get; init; }

    /// <summary>Number of QUBO variables (only for <see cref="SteinerMethod.Qubo"/>).</summary>
    public int? QuboVariables { get; init; }

    /// <summary>
    /// The exact method's LP engine: "clp" (COIN-OR CLP warm-started, Quanet's own branch-and-cut), "glop"
    /// (OR-Tools GLOP rebuilt each round, then SCIP; used when CLP is not installed), or null when no LP was
    /// solved (other methods, or the subset programme or dual ascent proved the optimum alone).
    /// </summary>
    public string? LpEngine { get; init; }

    /// <summary>Branch-and-bound nodes of the exact method's own search (0 when it did not run).</summary>
    public int Nodes { get; init; }

    /// <summary>Whether <see cref="SteinerSolverOptions.Cancellation"/> ended the solve: the tree is the best found until then.</summary>
    public bool Interrupted { get; init; }
}
