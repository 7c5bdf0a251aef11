using Quanet.Optimization.Steiner;

namespace Quanet.Cli.Commands.Steiner;

/// <summary>The JSON document of <c>quanet steiner --json</c>; node ids are 1-based as in the file.</summary>
internal sealed record SteinerReport(
    string Instance,
    string Solver,
    long Cost,
    long LowerBound,
    bool Optimal,
    double GapPercent,
    IReadOnlyList<int[]> Edges,
    SteinerReductionReport Reduction,
    int? QuboVariables,
    double Seconds,
    bool Interrupted)
{
    /// <summary>With <c>--solver qubo-hybrid</c>, the hybrid loop's statistics (how much the sub-answers improved the heuristic tree); otherwise null.</summary>
    public Quanet.Optimization.Hybrid.HybridStatistics? Hybrid { get; init; }

    /// <summary>The exact method's LP engine ("clp" or "glop"; null when no LP was solved).</summary>
    public string? LpEngine { get; init; }

    /// <summary>Branch-and-bound nodes of the exact method's own search.</summary>
    public int Nodes { get; init; }

    public static SteinerReport From(string instance, SteinerGraph graph, SteinerSolution solution, long checkedCost)
    {
        var edges = new List<int[]>(solution.Edges.Count);
        foreach (var e in solution.Edges)
        {
            edges.Add([graph.Tail(e) + 1, graph.Head(e) + 1]);
        }

        var r = solution.Reduction;
        return new SteinerReport(
            instance,
            solution.Method.ToString().ToLowerInvariant(),
            checkedCost,
            solution.LowerBound,
            solution.Optimal,
            100.0 * solution.Gap,
            edges,
            new SteinerReductionReport(r.NodesAfter, r.EdgesAfter, r.TerminalsAfter, r.FixedCost),
            solution.QuboVariables,
            solution.Elapsed.TotalSeconds,
            solution.Interrupted)
        {
            LpEngine = solution.LpEngine,
            Nodes = solution.Nodes,
        };
    }
}
