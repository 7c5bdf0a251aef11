using System.Globalization;
using Quanet.Core;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Optimization.Steiner.Qubo;

/// <summary>
/// QUBO formulation of the Steiner tree problem as a rooted arborescence with depth labels, after Lucas
/// (2014), "Ising formulations of many NP problems", section 8.1 (trees via depth-indexed variables).
/// Variables: y_v (non-root Steiner node v is used; terminals are fixed to 1), d_{v,k} (v at depth k) and
/// x_{u,v,k} (arc u to v used with v at depth k). Penalties, each zero exactly on arborescences rooted at a
/// terminal that span every terminal:
/// A·Σ_v (y_v − Σ_k d_{v,k})², A·Σ_{v,k} (d_{v,k} − Σ_u x_{u,v,k})², A·Σ x_{u,v,k}(1 − d_{u,k−1}); cost
/// Σ w_uv x_{u,v,k}. Every violated penalty is at least A, so A = (an upper bound of the optimum) + 1 makes
/// every ground state a feasible tree of minimum cost. Depths are limited to the hop distance bounds:
/// d_{v,k} exists only for hop(root, v) ≤ k ≤ D. Every constraint is an equality or the implication x ≤ d,
/// penalised exactly by x(1 − d): there is no inequality to give slack bits or an unbalanced penalty, so the
/// formulation is <see cref="QuboFormulation.Equality"/> whatever is asked.
/// </summary>
public sealed partial class SteinerQubo
{
    private readonly SteinerGraph _graph;
    private readonly (int Edge, int Variable)[] _arcVariables;

    private SteinerQubo(SteinerGraph graph, BinaryQuadraticModel model, (int Edge, int Variable)[] arcVariables, long penalty, int root, int maxDepth)
    {
        _graph = graph;
        Model = model;
        _arcVariables = arcVariables;
        Penalty = penalty;
        Root = root;
        MaxDepth = maxDepth;
    }

    /// <summary>The binary quadratic model (QUBO); its energy on a feasible state is the tree cost.</summary>
    public BinaryQuadraticModel Model { get; }

    /// <summary>Number of binary variables.</summary>
    public int VariableCount => Model.VariableCount;

    /// <summary>Penalty weight A.</summary>
    public long Penalty { get; }

    /// <summary>The root terminal.</summary>
    public int Root { get; }

    /// <summary>Largest depth D.</summary>
    public int MaxDepth { get; }

    /// <summary>
    /// Builds the QUBO of <paramref name="graph"/>. <paramref name="upperBound"/> is the cost of any Steiner tree
    /// (the penalty is one more); <paramref name="maxDepth"/> caps D (default: the number of non-root nodes).
    /// </summary>
    public static SteinerQubo Build(SteinerGraph graph, long upperBound, int? maxDepth = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(upperBound);
        if (graph.TerminalCount == 0)
        {
            throw new ArgumentException("the graph has no terminal", nameof(graph));
        }

        var n = graph.NodeCount;
        var root = graph.Terminals[0];
        var hop = Hops(graph, root);
        var depth = Math.Max(1, Math.Min(maxDepth ?? (n - 1), n - 1));
        var penalty = upperBound + 1;
        var b = new BqmBuilder(Vartype.Binary);
        var inv = CultureInfo.InvariantCulture;

        // d_{v,k}
        var d = new int[n, depth + 1];
        for (var v = 0; v < n; v++)
        {
            for (var k = 0; k <= depth; k++)
            {
                d[v, k] = -1;
                if (v != root && k >= 1 && hop[v] <= k)
                {
                    d[v, k] = b.AddVariable(string.Create(inv, $"d[{v + 1},{k}]"));
                }
            }
        }

        // x_{u,v,k}, grouped by (v, k) for the second penalty.
        var arcs = new List<(int Edge, int Variable)>();
        var incoming = new List<int>[n, depth + 1];
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            foreach (var (u, v) in (ReadOnlySpan<(int, int)>)[(graph.Tail(e), graph.Head(e)), (graph.Head(e), graph.Tail(e))])
            {
                if (v == root)
                {
                    continue;
                }

                for (var k = 1; k <= depth; k++)
                {
                    var parentOk = u == root ? k == 1 : k >= 2 && d[u, k - 1] >= 0;
                    if (!parentOk || d[v, k] < 0)
                    {
                        continue;
                    }

                    var x = b.AddVariable(string.Create(inv, $"x[{u + 1},{v + 1},{k},e{e + 1}]"));
                    arcs.Add((e, x));
                    (incoming[v, k] ??= []).Add(x);
                    b.AddLinear(x, graph.Weight(e));
                    if (u != root)
                    {
                        // A·x(1 − d_{u,k−1})
                        b.AddLinear(x, penalty);
                        b.AddQuadratic(x, d[u, k - 1], -penalty);
                    }
                }
            }
        }

        var depthVars = new List<int>();
        for (var v = 0; v < n; v++)
        {
            if (v == root)
            {
                continue;
            }

            depthVars.Clear();
            for (var k = 1; k <= depth; k++)
            {
                if (d[v, k] >= 0)
                {
                    depthVars.Add(d[v, k]);
                }
            }

            // A·(y_v − Σ_k d_{v,k})², y_v = 1 for terminals.
            var y = graph.IsTerminal(v) ? -1 : b.AddVariable(string.Create(inv, $"y[{v + 1}]"));
            SquaredDifference(b, y, depthVars, penalty);
            for (var k = 1; k <= depth; k++)
            {
                if (d[v, k] >= 0)
                {
                    SquaredDifference(b, d[v, k], incoming[v, k] ?? [], penalty);
                }
            }
        }

        return new SteinerQubo(graph, b.Build(), [.. arcs], penalty, root, depth);
    }

    /// <summary>
    /// The QUBO <see cref="SteinerSolver"/> builds for <see cref="SteinerMethod.Qubo"/>: <paramref name="graph"/> after the
    /// reduction tests, with the penalty from a seeded heuristic tree (at most 16 starts, no clock). Tree costs of the
    /// reduced graph plus <c>FixedCost</c> are costs of the original.
    /// </summary>
    /// <exception cref="QuanetException">The reductions leave fewer than two terminals: the instance needs no QUBO.</exception>
    public static (SteinerQubo Qubo, long FixedCost) BuildReduced(SteinerGraph graph, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var reduced = Reductions.SteinerReducer.Reduce(graph);
        if (reduced.Graph.TerminalCount < 2)
        {
            throw new QuanetException($"the reduction tests solve this instance entirely (cost {reduced.FixedCost}): there is no QUBO to build");
        }

        var (_, cost) = Heuristics.SteinerHeuristic.Solve(reduced.Graph, seed, static () => false, maxStarts: 16);
        return (Build(reduced.Graph, cost), reduced.FixedCost);
    }

    /// <summary>The edges chosen by a binary <paramref name="state"/> (edge ids of the graph).</summary>
    public int[] DecodeEdges(ReadOnlySpan<sbyte> state)
    {
        var chosen = new SortedSet<int>();
        foreach (var (edge, variable) in _arcVariables)
        {
            if (state[variable] == 1)
            {
                chosen.Add(edge);
            }
        }

        return [.. chosen];
    }

    /// <summary>Whether every penalty term is zero on <paramref name="state"/>, i.e. the energy is the cost of the decoded edges.</summary>
    public bool IsFeasible(ReadOnlySpan<sbyte> state)
    {
        var energy = Model.Energy(state);
        return Math.Abs(energy - _graph.CostOf(DecodeEdges(state))) < 0.5;
    }

    /// <summary>
    /// Samples the model with <paramref name="sampling"/>'s fixed simulated-annealing budget and reports its size and
    /// how many reads are feasible trees (every penalty zero), against <paramref name="optimum"/> when known.
    /// </summary>
    public FormulationReport Measure(long? optimum, FormulationSampling sampling, CancellationToken cancellationToken = default) =>
        FormulationReport.Measure(
            "steiner",
            "equality",
            Model,
            VariableCount,
            s => IsFeasible(s) ? _graph.CostOf(DecodeEdges(s)) : null,
            static (a, b) => a < b,
            optimum,
            sampling,
            cancellationToken);

    /// <summary>Adds A·(a − Σ b_i)² with a a variable or, when <paramref name="a"/> is −1, the constant 1.</summary>
    private static void SquaredDifference(BqmBuilder b, int a, List<int> terms, long penalty)
    {
        // (a − Σb)² = a + Σb − 2aΣb + 2Σ_{i<j} b_i b_j for binaries; with a = 1: 1 − Σb + 2Σ_{i<j} b_i b_j.
        if (a >= 0)
        {
            b.AddLinear(a, penalty);
        }
        else
        {
            b.AddOffset(penalty);
        }

        for (var i = 0; i < terms.Count; i++)
        {
            b.AddLinear(terms[i], a >= 0 ? penalty : -penalty);
            if (a >= 0)
            {
                b.AddQuadratic(a, terms[i], -2 * penalty);
            }

            for (var j = i + 1; j < terms.Count; j++)
            {
                b.AddQuadratic(terms[i], terms[j], 2 * penalty);
            }
        }
    }

    private static int[] Hops(SteinerGraph g, int root)
    {
        var hop = new int[g.NodeCount];
        Array.Fill(hop, int.MaxValue);
        hop[root] = 0;
        var queue = new Queue<int>();
        queue.Enqueue(root);
        while (queue.Count > 0)
        {
            var v = queue.Dequeue();
            foreach (var e in g.IncidentEdges(v))
            {
                var u = g.Other(e, v);
                if (hop[u] == int.MaxValue)
                {
                    hop[u] = hop[v] + 1;
                    queue.Enqueue(u);
                }
            }
        }

        return hop;
    }
}
