namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Splits a connected Steiner instance at its cut vertices into independent instances, one per biconnected
/// block that a tree must enter. A simple path between two nodes of a block never leaves the block, so the
/// edges an optimal tree has in block B form an optimal tree of B for the terminals in B plus every cut
/// vertex of B behind which (seen from B) a terminal lies; the optimal trees of the blocks together form an
/// optimal tree, and the optimum is the sum of the blocks' optima. Blocks with fewer than two such terminals
/// need no edge and are left out.
/// </summary>
internal static class BlockDecomposition
{
    /// <summary>One block to solve: its graph and the parent edge id of each of its edges.</summary>
    public sealed record Block(SteinerGraph Graph, int[] EdgeOrigin);

    /// <summary>
    /// The blocks of <paramref name="g"/> that need edges; <paramref name="g"/> itself as the only block when it has no
    /// cut vertex or is not connected.
    /// </summary>
    public static IReadOnlyList<Block> Split(SteinerGraph g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var (blockOf, blockCount) = Blocks(g);
        if (blockCount <= 1)
        {
            return [Whole(g)];
        }

        // nodes of each block, and which nodes lie in more than one block (the cut vertices)
        var n = g.NodeCount;
        var blockNodes = new List<int>[blockCount];
        var blockEdges = new List<int>[blockCount];
        for (var b = 0; b < blockCount; b++)
        {
            blockNodes[b] = [];
            blockEdges[b] = [];
        }

        for (var e = 0; e < g.EdgeCount; e++)
        {
            if (blockOf[e] >= 0)
            {
                blockEdges[blockOf[e]].Add(e);
            }
        }

        var lastBlock = new int[n];
        Array.Fill(lastBlock, -1);
        var blocksAt = new int[n];
        for (var b = 0; b < blockCount; b++)
        {
            foreach (var e in blockEdges[b])
            {
                foreach (var v in (ReadOnlySpan<int>)[g.Tail(e), g.Head(e)])
                {
                    if (lastBlock[v] != b)
                    {
                        lastBlock[v] = b;
                        blockNodes[b].Add(v);
                        blocksAt[v]++;
                    }
                }
            }
        }

        // block-cut tree: vertices 0..blockCount-1 are the blocks, cutId[v] (from blockCount on) the cut vertices
        var cutId = new int[n];
        Array.Fill(cutId, -1);
        var treeSize = blockCount;
        for (var v = 0; v < n; v++)
        {
            if (blocksAt[v] > 1)
            {
                cutId[v] = treeSize++;
            }
        }

        var tree = new List<int>[treeSize];
        var weight = new int[treeSize];
        for (var i = 0; i < treeSize; i++)
        {
            tree[i] = [];
        }

        for (var b = 0; b < blockCount; b++)
        {
            foreach (var v in blockNodes[b])
            {
                if (cutId[v] >= 0)
                {
                    tree[b].Add(cutId[v]);
                    tree[cutId[v]].Add(b);
                }
                else if (g.IsTerminal(v))
                {
                    weight[b]++;
                }
            }
        }

        for (var v = 0; v < n; v++)
        {
            if (cutId[v] >= 0 && g.IsTerminal(v))
            {
                weight[cutId[v]]++;
            }
        }

        // terminals in each subtree of the tree rooted at block 0
        var parent = new int[treeSize];
        var order = new List<int>(treeSize);
        Array.Fill(parent, -2);
        parent[0] = -1;
        order.Add(0);
        for (var i = 0; i < order.Count; i++)
        {
            foreach (var w in tree[order[i]])
            {
                if (parent[w] == -2)
                {
                    parent[w] = order[i];
                    order.Add(w);
                }
            }
        }

        var below = (int[])weight.Clone();
        for (var i = order.Count - 1; i > 0; i--)
        {
            below[parent[order[i]]] += below[order[i]];
        }

        var total = below[0];
        if (order.Count < treeSize || total < g.TerminalCount)
        {
            // more than one component, or a terminal without edges: left to the caller's methods as one instance
            return [Whole(g)];
        }

        var result = new List<Block>();
        for (var b = 0; b < blockCount; b++)
        {
            var terminals = new List<int>();
            foreach (var v in blockNodes[b])
            {
                if (cutId[v] < 0)
                {
                    if (g.IsTerminal(v))
                    {
                        terminals.Add(v);
                    }

                    continue;
                }

                // terminals on c's side of the tree edge between block b and cut vertex c (c included)
                var c = cutId[v];
                var beyond = parent[c] == b ? below[c] : total - below[b];
                if (beyond > 0)
                {
                    terminals.Add(v);
                }
            }

            if (terminals.Count >= 2)
            {
                result.Add(Extract(g, blockEdges[b], blockNodes[b], terminals));
            }
        }

        return result;
    }

    private static Block Whole(SteinerGraph g)
    {
        var origin = new int[g.EdgeCount];
        for (var e = 0; e < origin.Length; e++)
        {
            origin[e] = e;
        }

        return new Block(g, origin);
    }

    private static Block Extract(SteinerGraph g, List<int> blockEdges, List<int> nodes, List<int> terminals)
    {
        var local = new Dictionary<int, int>(nodes.Count);
        foreach (var v in nodes)
        {
            local[v] = local.Count;
        }

        var edges = new List<(int U, int V, long Weight)>();
        foreach (var e in blockEdges)
        {
            edges.Add((local[g.Tail(e)], local[g.Head(e)], g.Weight(e)));
        }

        var localTerminals = new int[terminals.Count];
        for (var i = 0; i < localTerminals.Length; i++)
        {
            localTerminals[i] = local[terminals[i]];
        }

        return new Block(new SteinerGraph(nodes.Count, edges, localTerminals), [.. blockEdges]);
    }

    /// <summary>Biconnected block of every edge (Hopcroft-Tarjan, iterative), and the number of blocks.</summary>
    private static (int[] BlockOf, int Count) Blocks(SteinerGraph g)
    {
        var n = g.NodeCount;
        var depth = new int[n];
        var low = new int[n];
        var parentEdge = new int[n];
        var next = new int[n];
        Array.Fill(depth, -1);
        var blockOf = new int[g.EdgeCount];
        Array.Fill(blockOf, -1);
        var edgeStack = new Stack<int>();
        var stack = new Stack<int>();
        var count = 0;
        for (var root = 0; root < n; root++)
        {
            if (depth[root] >= 0 || g.Degree(root) == 0)
            {
                continue;
            }

            depth[root] = 0;
            low[root] = 0;
            parentEdge[root] = -1;
            stack.Push(root);
            while (stack.Count > 0)
            {
                var v = stack.Peek();
                var incident = g.IncidentEdges(v);
                if (next[v] < incident.Length)
                {
                    var e = incident[next[v]++];
                    if (e == parentEdge[v])
                    {
                        continue;
                    }

                    var w = g.Other(e, v);
                    if (depth[w] < 0)
                    {
                        depth[w] = depth[v] + 1;
                        low[w] = depth[w];
                        parentEdge[w] = e;
                        edgeStack.Push(e);
                        stack.Push(w);
                    }
                    else if (depth[w] < depth[v])
                    {
                        edgeStack.Push(e);
                        low[v] = Math.Min(low[v], depth[w]);
                    }

                    continue;
                }

                stack.Pop();
                if (parentEdge[v] < 0)
                {
                    continue;
                }

                var u = g.Other(parentEdge[v], v);
                low[u] = Math.Min(low[u], low[v]);
                if (low[v] >= depth[u])
                {
                    // u separates v's subtree: its edges down to the tree edge (u, v) form a block
                    int e;
                    do
                    {
                        e = edgeStack.Pop();
                        blockOf[e] = count;
                    }
                    while (e != parentEdge[v]);
                    count++;
                }
            }
        }

        return (blockOf, count);
    }
}
