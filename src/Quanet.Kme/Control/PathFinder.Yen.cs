namespace Quanet.Kme.Control;

/// <summary>Yen's k best loopless paths (J. Y. Yen, "Finding the K Shortest Loopless Paths in a Network", Management Science 17(11), 1971).</summary>
internal static partial class PathFinder
{
    /// <summary>
    /// Up to <paramref name="k"/> loopless paths from <paramref name="from"/> to <paramref name="to"/>, best first in the
    /// order of <see cref="RankedPath.Order"/> (widest bottleneck, then fewest hops).
    /// </summary>
    /// <remarks>
    /// Yen's deviation scheme holds for this order too: the candidates that leave the previous path at its node
    /// <c>j</c> share its first <c>j</c> links (the root), so their bottleneck is at most the root's; the best spur
    /// therefore is the widest path from the spur node with every width capped at the root's bottleneck, which
    /// <see cref="Widest"/> computes exactly.
    /// </remarks>
    public static List<RankedPath> KBest(LinkGraph graph, string from, string to, int k)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
        var found = new List<RankedPath>();
        if (Widest(graph, from, to) is not { } first)
        {
            return found;
        }

        found.Add(first);
        var keys = new HashSet<string>(StringComparer.Ordinal) { first.Key };
        var candidates = new SortedSet<RankedPath>(Comparer<RankedPath>.Create(RankedPath.Order));
        while (found.Count < k)
        {
            var previous = found[^1].Nodes;
            for (var j = 0; j < previous.Count - 1; j++)
            {
                var spur = previous[j];
                var bannedEdges = new HashSet<(string, string)>();
                foreach (var path in found)
                {
                    if (path.Nodes.Count > j + 1 && SamePrefix(path.Nodes, previous, j))
                    {
                        bannedEdges.Add((path.Nodes[j], path.Nodes[j + 1]));
                    }
                }

                var bannedNodes = new HashSet<string>(StringComparer.Ordinal);
                for (var r = 0; r < j; r++)
                {
                    bannedNodes.Add(previous[r]);
                }

                var rootWidth = Bottleneck(graph, [.. previous.Take(j + 1)]);
                if (Widest(graph, spur, to, rootWidth, bannedNodes, bannedEdges) is not { } spurPath)
                {
                    continue;
                }

                var total = new RankedPath([.. previous.Take(j), .. spurPath.Nodes], spurPath.BottleneckBlocks);
                if (keys.Add(total.Key))
                {
                    candidates.Add(total);
                }
            }

            if (candidates.Count == 0)
            {
                break;
            }

            var best = candidates.Min!;
            candidates.Remove(best);
            found.Add(best);
        }

        return found;
    }

    private static bool SamePrefix(IReadOnlyList<string> a, IReadOnlyList<string> b, int length)
    {
        for (var i = 0; i <= length; i++)
        {
            if (a[i] != b[i])
            {
                return false;
            }
        }

        return true;
    }
}
