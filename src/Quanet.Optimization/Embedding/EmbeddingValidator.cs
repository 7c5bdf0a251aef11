using System.Globalization;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// Checks a minor embedding from scratch, sharing no code with <see cref="MinorEmbedder"/>: every chain is non-empty,
/// names only qubits of the target, is connected through the target's couplers, no qubit is in two chains, and every
/// logical coupling has at least one coupler between the two chains.
/// </summary>
public static class EmbeddingValidator
{
    /// <summary>Every problem found (empty when the embedding is valid), at most <paramref name="limit"/>.</summary>
    public static IReadOnlyList<string> Problems(MinorEmbedding embedding, BinaryQuadraticModel model, HardwareGraph target, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(model);
        var edges = new List<(int, int)>();
        foreach (var (i, j, _) in model.Interactions())
        {
            edges.Add((i, j));
        }

        return Problems(embedding, model.VariableCount, edges, target, limit);
    }

    /// <summary>Every problem found for the logical graph on <paramref name="vertexCount"/> vertices with <paramref name="edges"/>.</summary>
    public static IReadOnlyList<string> Problems(MinorEmbedding embedding, int vertexCount, IEnumerable<(int U, int V)> edges, HardwareGraph target, int limit = 20)
    {
        ArgumentNullException.ThrowIfNull(embedding);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentNullException.ThrowIfNull(target);
        var problems = new List<string>();
        void Report(string text)
        {
            if (problems.Count < limit)
            {
                problems.Add(text);
            }
        }

        if (embedding.Count != vertexCount)
        {
            Report(Text($"{embedding.Count} chains for {vertexCount} logical variables"));
            return problems;
        }

        var owner = new Dictionary<int, int>();
        for (var v = 0; v < vertexCount; v++)
        {
            var chain = embedding.Chain(v);
            if (chain.Length == 0)
            {
                Report(Text($"chain of '{embedding.Labels[v]}' is empty"));
                continue;
            }

            foreach (var q in chain)
            {
                if (!target.Contains(q))
                {
                    Report(Text($"chain of '{embedding.Labels[v]}' names qubit {q}, which {target.Topology} does not have"));
                }
                else if (!owner.TryAdd(q, v) && owner[q] != v)
                {
                    Report(Text($"qubit {q} is in the chains of both '{embedding.Labels[owner[q]]}' and '{embedding.Labels[v]}'"));
                }
                else if (owner[q] == v && CountOf(chain, q) > 1)
                {
                    Report(Text($"chain of '{embedding.Labels[v]}' lists qubit {q} twice"));
                }
            }

            if (!Connected(chain, target))
            {
                Report(Text($"chain of '{embedding.Labels[v]}' is not connected in {target.Topology}"));
            }
        }

        foreach (var (u, v) in edges)
        {
            if (!Linked(embedding.Chain(u), embedding.Chain(v), target))
            {
                Report(Text($"no coupler between the chains of '{embedding.Labels[u]}' and '{embedding.Labels[v]}'"));
            }
        }

        return problems;
    }

    private static int CountOf(ReadOnlySpan<int> chain, int q)
    {
        var count = 0;
        foreach (var x in chain)
        {
            count += x == q ? 1 : 0;
        }

        return count;
    }

    // breadth-first search over the chain's own qubits, asking the target only "are p and q coupled?"
    private static bool Connected(ReadOnlySpan<int> chain, HardwareGraph target)
    {
        var members = new HashSet<int>(chain.ToArray());
        var seen = new HashSet<int> { chain[0] };
        var queue = new Queue<int>();
        queue.Enqueue(chain[0]);
        while (queue.TryDequeue(out var p))
        {
            foreach (var q in members)
            {
                if (!seen.Contains(q) && target.AreCoupled(p, q))
                {
                    seen.Add(q);
                    queue.Enqueue(q);
                }
            }
        }

        return seen.Count == members.Count;
    }

    private static bool Linked(ReadOnlySpan<int> a, ReadOnlySpan<int> b, HardwareGraph target)
    {
        foreach (var p in a)
        {
            foreach (var q in b)
            {
                if (target.AreCoupled(p, q))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
