using Quanet.Core;
using Quanet.Optimization.Steiner;

namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>Checks a peer's printed tree (1-based node pairs) with Quanet's own validator.</summary>
internal static class TreeCheck
{
    /// <summary>Empty when <paramref name="pairs"/> is a Steiner tree of <paramref name="graph"/> of weight <paramref name="value"/>; otherwise why not.</summary>
    public static string Check(SteinerGraph graph, IReadOnlyList<(int U, int V)> pairs, long value)
    {
        // The lightest edge between two nodes stands for their pair (a solver never needs a heavier parallel edge).
        var lightest = new Dictionary<(int, int), int>();
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var key = Key(graph.Tail(e), graph.Head(e));
            if (!lightest.TryGetValue(key, out var f) || graph.Weight(e) < graph.Weight(f))
            {
                lightest[key] = e;
            }
        }

        var edges = new List<int>(pairs.Count);
        foreach (var (u, v) in pairs)
        {
            if (!lightest.TryGetValue(Key(u - 1, v - 1), out var e))
            {
                return $"printed edge {u}-{v} is not in the graph";
            }

            edges.Add(e);
        }

        try
        {
            var cost = SteinerTreeValidator.Validate(graph, edges);
            return cost == value ? "" : $"printed VALUE {value} but the tree weighs {cost}";
        }
        catch (QuanetException ex)
        {
            return ex.Message;
        }
    }

    private static (int, int) Key(int a, int b) => a < b ? (a, b) : (b, a);
}
