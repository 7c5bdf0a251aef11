using Quanet.Optimization.Steiner.Exact;

namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>
/// Multi-start heuristic with recombination: Mehlhorn's tree, ascend-and-prune trees from a few terminal roots
/// (<see cref="DualAscentStarts"/>) and shortest-path trees from the same and more roots, then rounds of
/// shortest-path trees from random roots on randomly perturbed weights (a third of them on weights guided by
/// the dual ascents' reduced costs), each improved by <see cref="LocalSearch"/> and offered to an
/// <see cref="ElitePool"/>; every third round after the first ones instead recombines a few elite trees
/// (<see cref="Recombination"/>). The best tree wins; the search
/// stops at the deadline, at the round budget, after <see cref="StaleRounds"/> rounds without a better tree, or when
/// an ascent's lower bound proves the best tree optimal.
/// Every decision depends on the seed and on counts of rounds, never on the clock, so the same seed and
/// enough time give the same tree; the clock only ends the search early.
/// </summary>
internal static class SteinerHeuristic
{
    /// <summary>Trees kept as parents for recombination.</summary>
    public const int PoolSize = 10;

    /// <summary>Rounds without a better tree after which the search stops (plus two per terminal).</summary>
    public const int StaleRounds = 1000;

    /// <summary>Terminal roots tried on the true weights before the perturbed and recombination rounds begin.</summary>
    public const int FirstRoots = 10;

    /// <summary>Terminal roots (the first of <see cref="FirstRoots"/>) whose dual ascent gives an ascend-and-prune start, right after Mehlhorn's tree.</summary>
    public const int AscendRoots = 4;

    /// <summary>One in this many perturbed rounds uses weights guided by a dual ascent's reduced costs.</summary>
    public const int GuidedEvery = 3;

    /// <summary>Every this many rounds (once the pool holds two trees) is a recombination.</summary>
    public const int RecombinationEvery = 3;

    /// <summary>Finds a good tree of <paramref name="graph"/>; returns its edges (ids of <paramref name="graph"/>) and cost.</summary>
    /// <param name="graph">The (usually reduced) instance.</param>
    /// <param name="seed">Seed of every random choice.</param>
    /// <param name="expired">The deadline: checked between and inside rounds.</param>
    /// <param name="maxStarts">Rounds (a start or a recombination, each followed by local search) at most.</param>
    /// <param name="staleRounds">Rounds without a better tree after which the search stops; null: <see cref="StaleRounds"/> plus two per terminal.</param>
    /// <param name="ascentRuns">Dual-ascent runs of <paramref name="graph"/> to share with a later user, or null.</param>
    public static (int[] Edges, long Cost) Solve(
        SteinerGraph graph, int seed, Func<bool> expired, int maxStarts = int.MaxValue, int? staleRounds = null, DualAscentRuns? ascentRuns = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (graph.TerminalCount <= 1)
        {
            return ([], 0);
        }

        var search = new LocalSearch(graph);
        var ws = search.Workspace;
        var n = graph.NodeCount;
        var weights = new long[graph.EdgeCount];
        long maxWeight = 1;
        for (var e = 0; e < weights.Length; e++)
        {
            weights[e] = graph.Weight(e);
            maxWeight = Math.Max(maxWeight, weights[e]);
        }

        // Perturbed weights are scaled up first, so that small integer weights (unit-cost instances, where
        // shortest-path trees tie everywhere) are perturbed at all; path lengths must stay far below 2^62.
        var scale = Math.Max(1L, Math.Min(1024L, (1L << 52) / (maxWeight * (n + 1L))));

        var mask = new bool[n];
        var nodes = new List<int>();
        var edges = new List<int>();
        var pool = new ElitePool(PoolSize);
        var recombination = new Recombination(graph);
        var ascents = new DualAscentStarts(graph, ascentRuns);
        int[] bestEdges = [];
        var bestCost = long.MaxValue;
        var random = new Random(seed);

        bool Finish()
        {
            nodes.Clear();
            for (var v = 0; v < n; v++)
            {
                if (mask[v])
                {
                    nodes.Add(v);
                }
            }

            var cost = TreeOps.Build(ws, mask, nodes, edges);
            if (cost < 0)
            {
                Array.Clear(mask);
                return false;
            }

            cost = search.Improve(mask, nodes, edges, cost, expired);
            foreach (var v in nodes)
            {
                mask[v] = false;
            }

            pool.Offer(edges, cost);
            if (cost < bestCost)
            {
                bestCost = cost;
                bestEdges = [.. edges];
                return true;
            }

            return false;
        }

        MehlhornHeuristic.Run(ws, weights, mask);
        Finish();
        var terminals = graph.Terminals.ToArray();
        random.Shuffle(terminals);
        var rounds = 1;
        var stale = 0;
        var staleLimit = staleRounds ?? (StaleRounds + (2 * terminals.Length));
        var firstRoots = Math.Min(terminals.Length, FirstRoots);
        var ascendRoots = Math.Min(terminals.Length, AscendRoots);
        Span<int> parents = stackalloc int[4];
        while (!expired() && rounds < maxStarts && stale < staleLimit)
        {
            var improved = false;
            if (rounds <= ascendRoots)
            {
                // First, as they give the best trees on dense graphs and a short time share (the exact
                // method's incumbent, a loaded machine) may end the search within the first rounds.
                ascents.AscendAndPrune(ws, terminals[rounds - 1], mask, expired);
                improved = Finish();
                if (bestCost <= ascents.LowerBound)
                {
                    // the ascent's bound proves the best tree optimal: no round can improve on it
                    break;
                }
            }
            else if (rounds <= ascendRoots + firstRoots)
            {
                ShortestPathHeuristic.Run(ws, terminals[rounds - ascendRoots - 1], weights, mask);
                improved = Finish();
            }
            else if (rounds % RecombinationEvery == 0 && pool.Count >= 2)
            {
                var count = ChooseParents(pool, random, parents);
                recombination.Run(pool, parents[..count], random, mask, expired);
                improved = Finish();
            }
            else if (random.Next(GuidedEvery) == 0)
            {
                // The ascent of one of the ascend-and-prune roots (already run), from that root or another terminal.
                var ascentRoot = terminals[random.Next(ascendRoots)];
                var root = random.Next(2) == 0 ? ascentRoot : terminals[random.Next(terminals.Length)];
                var alpha = Math.Pow(2.0, (3.0 * random.NextDouble()) - 1.0);
                ascents.Guided(ws, ascentRoot, root, alpha, scale, mask, random, expired);
                improved = Finish();
            }
            else
            {
                Perturb(graph, weights, scale, random);
                var root = random.Next(2) == 0 ? terminals[random.Next(terminals.Length)] : random.Next(n);
                if (graph.Degree(root) == 0)
                {
                    root = terminals[0];
                }

                if (random.Next(3) == 0)
                {
                    MehlhornHeuristic.Run(ws, weights, mask);
                }
                else
                {
                    ShortestPathHeuristic.Run(ws, root, weights, mask);
                }

                improved = Finish();
            }

            rounds++;
            stale = improved ? 0 : stale + 1;
        }

        return (bestEdges, bestCost);
    }

    /// <summary>Weights scaled by <paramref name="scale"/> and a random factor in [1, 1.25), to diversify the trees.</summary>
    private static void Perturb(SteinerGraph graph, long[] weights, long scale, Random random)
    {
        for (var e = 0; e < weights.Length; e++)
        {
            weights[e] = (long)(graph.Weight(e) * scale * (1.0 + (0.25 * random.NextDouble())));
        }
    }

    /// <summary>Two to four distinct elite trees, the best one in half of the draws; returns how many.</summary>
    private static int ChooseParents(ElitePool pool, Random random, Span<int> parents)
    {
        var count = Math.Min(pool.Count, 2 + random.Next(3));
        var chosen = 0;
        if (random.Next(2) == 0)
        {
            parents[chosen++] = 0;
        }

        while (chosen < count)
        {
            var p = random.Next(pool.Count);
            if (!parents[..chosen].Contains(p))
            {
                parents[chosen++] = p;
            }
        }

        return count;
    }
}
