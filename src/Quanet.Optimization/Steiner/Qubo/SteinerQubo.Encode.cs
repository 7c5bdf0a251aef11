using System.Globalization;

namespace Quanet.Optimization.Steiner.Qubo;

/// <summary>The encoding facet: a tree as a state of the QUBO (e.g. a heuristic tree to start a hybrid solve from).</summary>
public sealed partial class SteinerQubo
{
    /// <summary>
    /// The state of <see cref="Model"/> that encodes the tree <paramref name="edges"/> (edge ids of the graph the QUBO was
    /// built on): arcs directed away from <see cref="Root"/>, each node at its depth in the tree, Steiner nodes used. Its
    /// energy is the tree's cost (<see cref="IsFeasible"/> holds).
    /// </summary>
    /// <exception cref="ArgumentException">The edges are not a tree that contains the root, or the tree is deeper than <see cref="MaxDepth"/>.</exception>
    public sbyte[] Encode(IReadOnlyCollection<int> edges)
    {
        ArgumentNullException.ThrowIfNull(edges);
        var adjacent = new List<(int Node, int Edge)>[_graph.NodeCount];
        foreach (var e in edges)
        {
            (adjacent[_graph.Tail(e)] ??= []).Add((_graph.Head(e), e));
            (adjacent[_graph.Head(e)] ??= []).Add((_graph.Tail(e), e));
        }

        var state = new sbyte[Model.VariableCount];
        var depth = new int[_graph.NodeCount];
        Array.Fill(depth, -1);
        depth[Root] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(Root);
        var reached = 1;
        while (queue.Count > 0)
        {
            var u = queue.Dequeue();
            foreach (var (v, e) in adjacent[u] ?? [])
            {
                if (depth[v] >= 0)
                {
                    continue;
                }

                var k = depth[u] + 1;
                depth[v] = k;
                reached++;
                Set(state, string.Create(CultureInfo.InvariantCulture, $"d[{v + 1},{k}]"));
                Set(state, string.Create(CultureInfo.InvariantCulture, $"x[{u + 1},{v + 1},{k},e{e + 1}]"));
                if (!_graph.IsTerminal(v))
                {
                    Set(state, string.Create(CultureInfo.InvariantCulture, $"y[{v + 1}]"));
                }

                queue.Enqueue(v);
            }
        }

        if (reached != edges.Count + 1)
        {
            throw new ArgumentException($"the {edges.Count} edges are not a tree containing the root", nameof(edges));
        }

        return state;
    }

    private void Set(sbyte[] state, string label)
    {
        var index = Model.IndexOf(label);
        if (index < 0)
        {
            throw new ArgumentException($"the QUBO has no variable {label} (tree deeper than {MaxDepth}?)", nameof(state));
        }

        state[index] = 1;
    }
}
