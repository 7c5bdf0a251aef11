namespace Quanet.Kme.Control;

/// <summary>
/// Relay paths on a <see cref="LinkGraph"/>: the widest path (largest bottleneck pool level; among those the fewest
/// hops) and, with Yen's algorithm, the k best loopless paths in that order. Pure and deterministic.
/// </summary>
/// <remarks>
/// Widest-then-shortest is not solved by a Dijkstra on (width, hops) labels (a wide long prefix can lose to a narrow
/// short one after a narrow edge), so the widest path is found exactly by thresholds instead: the largest width
/// <c>t</c> for which the edges of width at least <c>t</c> still connect the ends, then a breadth-first search over
/// those edges for the fewest hops. Reachability shrinks as <c>t</c> grows, so <c>t</c> is found by binary search over
/// the distinct edge widths: O(E log E) for metro-sized graphs.
/// </remarks>
internal static partial class PathFinder
{
    /// <summary>The widest path from <paramref name="from"/> to <paramref name="to"/>, or null if none.</summary>
    /// <param name="graph">The graph.</param>
    /// <param name="from">First node.</param>
    /// <param name="to">Last node.</param>
    /// <param name="cap">Widths above this count as this (Yen's spur search: the root path already limits the bottleneck).</param>
    /// <param name="bannedNodes">Nodes the path may not visit (other than <paramref name="from"/>).</param>
    /// <param name="bannedEdges">Directed edges the path may not use.</param>
    public static RankedPath? Widest(LinkGraph graph, string from, string to, long cap = long.MaxValue, IReadOnlySet<string>? bannedNodes = null, IReadOnlySet<(string, string)>? bannedEdges = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (from == to || !graph.Contains(from) || !graph.Contains(to))
        {
            return null;
        }

        var widths = new SortedSet<long>();
        foreach (var node in Reachable(graph, from, bannedNodes, bannedEdges))
        {
            foreach (var edge in graph.Out(node))
            {
                widths.Add(Math.Min(edge.Value, cap));
            }
        }

        var candidates = widths.ToArray();
        Array.Reverse(candidates); // widest first: a path at candidates[i] also exists at every later (narrower) one
        if (candidates.Length == 0 || Search(graph, from, to, candidates[^1], cap, bannedNodes, bannedEdges) is null)
        {
            return null;
        }

        // The first index (widest threshold) at which the ends connect: none before low, one at high.
        int low = -1, high = candidates.Length - 1;
        while (high - low > 1)
        {
            var middle = (low + high) / 2;
            if (Search(graph, from, to, candidates[middle], cap, bannedNodes, bannedEdges) is null)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        var nodes = Search(graph, from, to, candidates[high], cap, bannedNodes, bannedEdges)!;
        return new RankedPath(nodes, Bottleneck(graph, nodes, cap));
    }

    /// <summary>The smallest width along <paramref name="nodes"/>, each width capped at <paramref name="cap"/>.</summary>
    public static long Bottleneck(LinkGraph graph, IReadOnlyList<string> nodes, long cap = long.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(nodes);
        var bottleneck = cap;
        for (var i = 1; i < nodes.Count; i++)
        {
            bottleneck = Math.Min(bottleneck, graph.Width(nodes[i - 1], nodes[i]));
        }

        return bottleneck;
    }

    /// <summary>Fewest-hop path over edges of (capped) width at least <paramref name="threshold"/>, or null.</summary>
    private static List<string>? Search(LinkGraph graph, string from, string to, long threshold, long cap, IReadOnlySet<string>? bannedNodes, IReadOnlySet<(string, string)>? bannedEdges)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal) { [from] = from };
        var queue = new Queue<string>();
        queue.Enqueue(from);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            foreach (var (next, width) in graph.Out(node))
            {
                if (Math.Min(width, cap) < threshold || parent.ContainsKey(next) || bannedNodes?.Contains(next) == true || bannedEdges?.Contains((node, next)) == true)
                {
                    continue;
                }

                parent[next] = node;
                if (next == to)
                {
                    var path = new List<string> { to };
                    for (var at = to; at != from;)
                    {
                        at = parent[at];
                        path.Add(at);
                    }

                    path.Reverse();
                    return path;
                }

                queue.Enqueue(next);
            }
        }

        return null;
    }

    private static HashSet<string> Reachable(LinkGraph graph, string from, IReadOnlySet<string>? bannedNodes, IReadOnlySet<(string, string)>? bannedEdges)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal) { from };
        var stack = new Stack<string>();
        stack.Push(from);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            foreach (var next in graph.Out(node).Keys)
            {
                if (bannedNodes?.Contains(next) != true && bannedEdges?.Contains((node, next)) != true && seen.Add(next))
                {
                    stack.Push(next);
                }
            }
        }

        return seen;
    }
}
