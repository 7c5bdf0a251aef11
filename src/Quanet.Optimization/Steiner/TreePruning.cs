namespace Quanet.Optimization.Steiner;

/// <summary>Pruning of trees given as edge lists.</summary>
internal static class TreePruning
{
    /// <summary>The tree without its Steiner leaves, removed until none is left (the bound tests assume a minimal tree).</summary>
    public static int[] PruneSteinerLeaves(SteinerGraph g, int[] tree)
    {
        var degree = new int[g.NodeCount];
        var alive = new bool[g.EdgeCount];
        foreach (var e in tree)
        {
            alive[e] = true;
            degree[g.Tail(e)]++;
            degree[g.Head(e)]++;
        }

        var stack = new Stack<int>();
        for (var v = 0; v < g.NodeCount; v++)
        {
            if (degree[v] == 1 && !g.IsTerminal(v))
            {
                stack.Push(v);
            }
        }

        while (stack.Count > 0)
        {
            var v = stack.Pop();
            if (degree[v] != 1)
            {
                continue;
            }

            foreach (var e in g.IncidentEdges(v))
            {
                if (!alive[e])
                {
                    continue;
                }

                alive[e] = false;
                degree[v]--;
                var u = g.Other(e, v);
                if (--degree[u] == 1 && !g.IsTerminal(u))
                {
                    stack.Push(u);
                }

                break;
            }
        }

        var kept = new List<int>();
        foreach (var e in tree)
        {
            if (alive[e])
            {
                kept.Add(e);
            }
        }

        return [.. kept];
    }
}
