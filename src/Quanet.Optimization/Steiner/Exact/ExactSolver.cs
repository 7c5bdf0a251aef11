using Quanet.Core;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// The exact method on a reduced graph: first, up to 128 terminals, the separator-pruned subset programme
/// (<see cref="SeparatorDp"/>) for nine tenths of the time and a budget of pairs; then the label-setting subset
/// programme (<see cref="LabelSettingSolver"/>) when the terminals are few enough, for a share of the time and a
/// label budget; when neither finishes, branch-and-cut (<see cref="BranchAndCutSolver"/>) with the rest of the time. When most terminals
/// are leaves (<see cref="LeafTerminals"/>: group Steiner instances in disguise, whose heavy terminal edges
/// make the programme's bounds weak and the leaf-restricted cut relaxation tight) branch-and-cut goes alone.
/// A graph with cut vertices between terminals is first split into its blocks (<see cref="BlockDecomposition"/>),
/// each solved so, smallest first, with the incumbent's part in it as its incumbent.
/// </summary>
internal static class ExactSolver
{
    /// <summary>Non-root terminals beyond which the programme is not tried (its work grows as 3^k).</summary>
    public const int MaxProgrammeTerminals = 40;

    /// <summary>Label budget of the programme (about 60 bytes each with the index and the queue).</summary>
    public const int MaxLabels = 40_000_000;

    /// <summary>Share of the remaining time the programme may use before branch-and-cut takes over.</summary>
    public const double ProgrammeShare = 0.35;

    /// <summary>
    /// Share of the remaining time the separator-pruned programme may use before the others take over: nearly all, as
    /// what it does not finish the others did not finish either in the runs of bench/README.md (section
    /// steiner-peers), while PACE 2018 instance198 and instance199 (122 and 115 terminals) take it 17 and 24 s.
    /// </summary>
    public const double SeparatorShare = 0.9;

    /// <summary>Pairs (node, subset) the separator-pruned programme may hold (about 40 bytes each).</summary>
    public const long MaxSeparatorEntries = 12_000_000;

    public static ExactResult Solve(SteinerGraph g, int[] incumbent, long incumbentCost, TimeProvider time, long deadlineTicks, bool useClp = false)
    {
        ArgumentNullException.ThrowIfNull(g);
        ArgumentNullException.ThrowIfNull(incumbent);
        ArgumentNullException.ThrowIfNull(time);
        if (g.TerminalCount <= 1)
        {
            return new ExactResult([], 0, 0, true, 0, 0);
        }

        var blocks = BlockDecomposition.Split(g);
        return blocks.Count == 1 && ReferenceEquals(blocks[0].Graph, g)
            ? SolveBlock(g, incumbent, incumbentCost, time, deadlineTicks, useClp)
            : SolveBlocks(g, blocks, incumbent, time, deadlineTicks, useClp);
    }

    /// <summary>
    /// Solves the blocks one after the other, smallest first, each until the deadline; the tree is the union of
    /// the blocks' trees and the bound the sum of their bounds, so it is proven when every block is.
    /// </summary>
    private static ExactResult SolveBlocks(SteinerGraph g, IReadOnlyList<BlockDecomposition.Block> blocks, int[] incumbent, TimeProvider time, long deadlineTicks, bool useClp)
    {
        var inIncumbent = new bool[g.EdgeCount];
        foreach (var e in incumbent)
        {
            inIncumbent[e] = true;
        }

        var edges = new List<int>();
        long cost = 0, bound = 0;
        int cuts = 0, fixedArcs = 0, nodes = 0;
        var optimal = true;
        var engine = "";
        foreach (var block in blocks.OrderBy(b => b.Graph.EdgeCount))
        {
            // the incumbent's edges in the block connect the block's terminals (a simple path between two nodes of a
            // block stays in it); pruned of Steiner leaves they are the block's incumbent
            var local = new List<int>();
            for (var e = 0; e < block.EdgeOrigin.Length; e++)
            {
                if (inIncumbent[block.EdgeOrigin[e]])
                {
                    local.Add(e);
                }
            }

            var blockIncumbent = TreeOps.Pruned(block.Graph, local);
            var blockCost = TreeCost(block.Graph, blockIncumbent);
            if (blockCost is null)
            {
                // the caller's incumbent was not a tree of the whole graph: a heuristic tree of the block instead
                (blockIncumbent, var heuristicCost) = SteinerHeuristic.Solve(block.Graph, 0, () => time.GetTimestamp() >= deadlineTicks, maxStarts: 1);
                blockCost = heuristicCost;
            }

            var result = SolveBlock(block.Graph, blockIncumbent, blockCost.Value, time, deadlineTicks, useClp);
            foreach (var e in result.Edges)
            {
                edges.Add(block.EdgeOrigin[e]);
            }

            cost += result.Cost;
            bound += result.LowerBound;
            optimal &= result.Optimal;
            cuts += result.Cuts;
            fixedArcs += result.FixedArcs;
            nodes += result.Nodes;
            engine = engine.Length > 0 ? engine : result.LpEngine;
        }

        return new ExactResult([.. edges], cost, Math.Min(bound, cost), optimal, cuts, fixedArcs, nodes, engine);
    }

    // the cost of edges when they connect g's terminals, else null
    private static long? TreeCost(SteinerGraph g, int[] edges)
    {
        try
        {
            return SteinerTreeValidator.Validate(g, edges);
        }
        catch (QuanetException)
        {
            return null;
        }
    }

    /// <summary>The methods above on one graph.</summary>
    private static ExactResult SolveBlock(SteinerGraph g, int[] incumbent, long incumbentCost, TimeProvider time, long deadlineTicks, bool useClp)
    {
        if (g.TerminalCount <= 1)
        {
            return new ExactResult([], 0, 0, true, 0, 0);
        }

        // a subset programme for a share of the time left: its proof, or null when it did not finish
        ExactResult? Programme(double share, Func<Func<bool>, (bool Solved, int[]? Edges, long Cost)> run)
        {
            var now = time.GetTimestamp();
            var programmeDeadline = now + (long)(Math.Max(0, deadlineTicks - now) * share);
            var (solved, edges, cost) = run(() => time.GetTimestamp() >= programmeDeadline);
            return !solved ? null
                : edges is null ? new ExactResult(incumbent, incumbentCost, incumbentCost, true, 0, 0)
                : new ExactResult(edges, cost, cost, true, 0, 0);
        }

        if (g.TerminalCount <= SeparatorDp.MaxTerminals && Programme(SeparatorShare, expired =>
            {
                var (solved, edges, cost, _) = SeparatorDp.Solve(g, incumbentCost, expired, MaxSeparatorEntries);
                return (solved, edges, cost);
            }) is { } separated)
        {
            return separated;
        }

        // only the methods after the separator programme need the leaf terminals
        var leaf = LeafTerminals.Find(g);
        var leaves = 0;
        foreach (var t in g.Terminals)
        {
            leaves += leaf[t] ? 1 : 0;
        }

        if (2 * leaves <= g.TerminalCount && LabelSettingSolver.Applicable(g, MaxProgrammeTerminals) && Programme(ProgrammeShare, expired =>
            {
                var (solved, edges, cost, _) = LabelSettingSolver.Solve(g, incumbentCost, expired, MaxLabels);
                return (solved, edges, cost);
            }) is { } labelled)
        {
            return labelled;
        }

        return BranchAndCutSolver.Solve(g, incumbent, incumbentCost, time, deadlineTicks, leaf, useClp);
    }
}
