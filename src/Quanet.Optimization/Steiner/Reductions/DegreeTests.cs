namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// The classic degree tests (Beasley 1984; Duin and Volgenant 1989): a non-terminal of degree 0 or 1 is
/// deleted, a non-terminal of degree 2 is replaced by one edge (the edge remembers its path), a
/// terminal of degree 1 has its edge fixed and is contracted, and a terminal whose cheapest edge leads
/// to another terminal has that edge fixed and contracted (nearest-vertex test, terminal case).
/// </summary>
internal static class DegreeTests
{
    /// <summary>Applies the tests until none applies; returns the number of nodes removed.</summary>
    public static int Apply(ReductionGraph g)
    {
        var removed = 0;
        var queue = new Queue<int>();
        var queued = new bool[g.NodeCapacity];
        for (var v = 0; v < g.NodeCapacity; v++)
        {
            if (g.NodeAlive(v))
            {
                queue.Enqueue(v);
                queued[v] = true;
            }
        }

        var touched = new List<int>();
        while (queue.Count > 0 && g.TerminalCount > 1)
        {
            var v = queue.Dequeue();
            queued[v] = false;
            if (!g.NodeAlive(v))
            {
                continue;
            }

            touched.Clear();
            foreach (var e in g.Adjacent(v))
            {
                touched.Add(g.Other(e, v));
            }

            if (!TryReduce(g, v))
            {
                continue;
            }

            removed++;
            foreach (var x in touched)
            {
                if (g.NodeAlive(x) && !queued[x])
                {
                    queued[x] = true;
                    queue.Enqueue(x);
                }
            }
        }

        return removed;
    }

    private static bool TryReduce(ReductionGraph g, int v)
    {
        var degree = g.Degree(v);
        if (!g.IsTerminal(v))
        {
            switch (degree)
            {
                case 0:
                case 1:
                    g.DeleteNode(v);
                    return true;
                case 2:
                    g.MergeDegreeTwo(v);
                    return true;
                default:
                    return false;
            }
        }

        if (degree == 0)
        {
            return false;
        }

        var best = -1;
        var bestW = long.MaxValue;
        foreach (var e in g.Adjacent(v))
        {
            if (g.W(e) < bestW || (g.W(e) == bestW && g.IsTerminal(g.Other(e, v))))
            {
                best = e;
                bestW = g.W(e);
            }
        }

        if (degree == 1 || g.IsTerminal(g.Other(best, v)))
        {
            g.ContractIntoSolution(best, v);
            return true;
        }

        return false;
    }
}
