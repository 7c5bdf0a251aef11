using System.Globalization;
using Quanet.Core;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// Heuristic minor embedding after Cai, Macready and Roy, "A practical heuristic for finding graph minors" (2014):
/// each logical variable's chain is grown as the union of vertex-weighted shortest paths from a root qubit to its
/// embedded neighbours' chains, a qubit already used by c other chains weighing Beta^c. Beta starts at the target's
/// diameter (estimated by one breadth-first search), so a shared qubit costs about a path across the target, and grows
/// by half each rip-up round (capped at the qubit count) until sharing costs more than any detour. A root's cost is the
/// sum of its path costs, each including the root's own weight; attaching to a neighbour's chain at a shared qubit
/// costs that qubit's overlap price times a congestion history that grows each round it stays shared. Chains are ripped up and re-embedded in random order
/// until no qubit is shared, then improved for length with used qubits forbidden and each search cut at the old
/// chain's length (a re-embedded chain is kept only when it is no longer). Shortest paths use a reused binary heap.
/// Seeded and deterministic within the work budget (<see cref="EmbeddingOptions"/>).
/// </summary>
public static class MinorEmbedder
{
    private const double Growth = 1.5;

    /// <summary>Embeds the interaction graph of <paramref name="model"/> into <paramref name="target"/>; chains follow the model's variables and labels.</summary>
    /// <exception cref="QuanetException">No embedding was found within the budget (one line naming sizes and budget).</exception>
    public static MinorEmbedding Embed(BinaryQuadraticModel model, HardwareGraph target, EmbeddingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Embed(SourceGraph.Of(model), target, options ?? new EmbeddingOptions());
    }

    /// <summary>Embeds the graph on vertices 0..<paramref name="vertexCount"/>-1 with <paramref name="edges"/> (labels "0", "1", ...).</summary>
    /// <exception cref="QuanetException">No embedding was found within the budget.</exception>
    public static MinorEmbedding Embed(int vertexCount, IEnumerable<(int U, int V)> edges, HardwareGraph target, EmbeddingOptions? options = null) =>
        Embed(SourceGraph.Of(vertexCount, edges), target, options ?? new EmbeddingOptions());

    private static MinorEmbedding Embed(SourceGraph source, HardwareGraph target, EmbeddingOptions options)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Tries, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRounds);
        var n = source.VertexCount;
        if (n > target.QubitCount)
        {
            throw new QuanetException(string.Create(CultureInfo.InvariantCulture,
                $"cannot embed: the model has {n} variables but {target.Topology} has only {target.QubitCount} qubits"));
        }

        // each logical coupling needs a coupler of its own between its two chains
        if (source.EdgeCount > target.CouplerCount)
        {
            throw new QuanetException(string.Create(CultureInfo.InvariantCulture,
                $"cannot embed: the model has {source.EdgeCount} couplings but {target.Topology} has only {target.CouplerCount} couplers"));
        }

        var start = options.TimeProvider.GetTimestamp();
        bool OutOfTime() => options.TimeLimit is { } limit && options.TimeProvider.GetElapsedTime(start) > limit;
        var timedOut = false;
        for (var attempt = 0; attempt < options.Tries && !timedOut; attempt++)
        {
            var rng = new Xoshiro256(Xoshiro256.ReadSeed(options.Seed, attempt));
            var search = new ChainSearch(source, target);
            var diameter = search.Eccentricity();
            var order = new int[n];
            for (var v = 0; v < n; v++)
            {
                order[v] = v;
            }

            Shuffle(order, ref rng);
            // a shared qubit first costs about as much as a path across the target (Cai, Macready and Roy's diameter
            // scale): cheaper (the old base 2) and the first placement piles chains onto a few hubs it never unpicks
            search.Beta = Math.Max(2, diameter);
            foreach (var v in order)
            {
                search.Reembed(v, ref rng);
            }

            // after the cheap first placement every shared qubit costs as much as a path across the whole target

            var best = search.Overlap();
            var old = new List<int>();
            for (int round = 1, stale = 0; round <= options.MaxRounds && best > 0 && stale < options.Patience; round++)
            {
                Shuffle(order, ref rng);
                foreach (var v in order)
                {
                    if (timedOut |= OutOfTime())
                    {
                        break;
                    }

                    old.Clear();
                    old.AddRange(search.ChainOf(v));
                    if (!search.Reembed(v, ref rng))
                    {
                        search.Place(v, old);
                    }
                }

                search.RecordCongestion();
                var overlap = search.Overlap();
                // the overlap price grows each round until sharing costs more than any detour
                search.Beta = Math.Min(search.Beta * Growth, target.QubitCount);
                stale = overlap < best ? 0 : stale + 1;
                best = Math.Min(best, overlap);
                if (timedOut)
                {
                    break;
                }
            }

            if (search.Overlap() == 0 && search.AllPlaced() && !timedOut)
            {
                Improve(search, order, options, ref rng, OutOfTime);
                return Result(source, target, search);
            }
        }

        var why = timedOut
            ? string.Create(CultureInfo.InvariantCulture, $"within the {options.TimeLimit!.Value.TotalSeconds:0.###} s time limit")
            : string.Create(CultureInfo.InvariantCulture, $"in {options.Tries} tries of up to {options.MaxRounds} rounds");
        throw new QuanetException(string.Create(CultureInfo.InvariantCulture,
            $"cannot embed the model ({n} variables, {source.EdgeCount} couplers) into {target.Topology} ({target.QubitCount} qubits): chains still share qubits {why}"));
    }

    private static void Improve(ChainSearch search, int[] order, EmbeddingOptions options, ref Xoshiro256 rng, Func<bool> outOfTime)
    {
        search.Exclusive = true;
        var old = new List<int>();
        for (var round = 0; round < options.ImprovementRounds; round++)
        {
            var before = search.TotalQubits();
            Shuffle(order, ref rng);
            foreach (var v in order)
            {
                if (outOfTime())
                {
                    return;
                }

                old.Clear();
                old.AddRange(search.ChainOf(v));
                if (!search.Reembed(v, ref rng) || search.ChainOf(v).Count > old.Count)
                {
                    search.Remove(v);
                    search.Place(v, old);
                }
            }

            if (search.TotalQubits() >= before)
            {
                return;
            }
        }
    }

    private static MinorEmbedding Result(SourceGraph source, HardwareGraph target, ChainSearch search)
    {
        var chains = new IReadOnlyList<int>[source.VertexCount];
        for (var v = 0; v < chains.Length; v++)
        {
            var chain = search.ChainOf(v).ToArray();
            Array.Sort(chain);
            chains[v] = chain;
        }

        return new MinorEmbedding(target.Topology, source.Labels, chains);
    }

    private static void Shuffle(int[] items, ref Xoshiro256 rng)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
