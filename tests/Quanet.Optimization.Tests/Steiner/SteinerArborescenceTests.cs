using Quanet.Optimization.Steiner.Arborescence;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SteinerArborescenceTests
{
    [Fact]
    public void Arcs_are_used_only_in_their_direction()
    {
        // Undirected, 0-1-2 would cost 2; directed, 2 is reached from the root 0 only by 0 -> 2 or over 1 -> 3 -> 2.
        List<(int Tail, int Head, long Cost)> arcs = [(0, 1, 1), (2, 1, 1), (0, 2, 10), (1, 3, 1), (3, 2, 1)];

        var solution = SteinerArborescence.Solve(4, arcs, 0, [1, 2], TimeSpan.FromSeconds(20));

        Assert.NotNull(solution);
        Assert.True(solution.Optimal);
        Assert.Equal(3, solution.Cost);
        Assert.Equal([0, 3, 4], solution.Arcs);
    }

    [Fact]
    public void A_terminal_the_root_cannot_reach_gives_no_arborescence()
    {
        List<(int Tail, int Head, long Cost)> arcs = [(0, 1, 1), (2, 1, 1)];

        Assert.Null(SteinerArborescence.Solve(3, arcs, 0, [1, 2], TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Matches_enumeration_of_every_arc_subset_on_small_random_digraphs()
    {
        var solved = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(3, 7);
            var arcs = new List<(int Tail, int Head, long Cost)>();
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    if (a != b && arcs.Count < 14 && random.NextDouble() < 0.45)
                    {
                        arcs.Add((a, b, random.Next(0, 10)));
                    }
                }
            }

            var terminals = Enumerable.Range(1, n - 1).Where(_ => random.NextDouble() < 0.6).ToArray();
            var expected = Enumerate(n, arcs, terminals);
            var solution = SteinerArborescence.Solve(n, arcs, 0, terminals, TimeSpan.FromSeconds(20));

            if (expected is null)
            {
                Assert.Null(solution);
                continue;
            }

            Assert.NotNull(solution);
            var found = solution;
            Assert.True(found.Optimal, $"seed {seed}");
            Assert.Equal(expected.Value, found.Cost);
            Assert.Equal(found.Cost, found.Arcs.Sum(k => arcs[k].Cost));
            Assert.True(Reaches(n, arcs, found.Arcs, terminals), $"seed {seed}: the arcs do not reach every terminal");
            solved++;
        }

        Assert.True(solved >= 15, $"only {solved} of 40 instances were feasible");
    }

    /// <summary>The cheapest arc subset over which the root 0 reaches every terminal; null when none does.</summary>
    private static long? Enumerate(int n, List<(int Tail, int Head, long Cost)> arcs, int[] terminals)
    {
        long? best = null;
        for (var mask = 0; mask < 1 << arcs.Count; mask++)
        {
            var chosen = Enumerable.Range(0, arcs.Count).Where(k => (mask >> k & 1) != 0).ToList();
            var cost = chosen.Sum(k => arcs[k].Cost);
            if ((best is null || cost < best) && Reaches(n, arcs, chosen, terminals))
            {
                best = cost;
            }
        }

        return best;
    }

    private static bool Reaches(int n, List<(int Tail, int Head, long Cost)> arcs, IReadOnlyList<int> chosen, int[] terminals)
    {
        var reached = new bool[n];
        reached[0] = true;
        for (var changed = true; changed;)
        {
            changed = false;
            foreach (var k in chosen)
            {
                if (reached[arcs[k].Tail] && !reached[arcs[k].Head])
                {
                    reached[arcs[k].Head] = true;
                    changed = true;
                }
            }
        }

        return terminals.All(t => reached[t]);
    }
}
