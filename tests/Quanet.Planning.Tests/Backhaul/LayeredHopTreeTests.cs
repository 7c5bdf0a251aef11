using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Backhaul;

public sealed class LayeredHopTreeTests
{
    [Fact]
    public void Matches_enumeration_of_every_parent_choice_on_small_instances()
    {
        var solved = 0;
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var sites = random.Next(2, 7);
            var pops = random.Next(1, 3);
            var limit = random.Next(1, 5);
            var routes = HopTreeInstances.RandomRoutes(random, sites, pops);

            var expected = HopTreeInstances.Enumerate(sites, routes, limit);
            var result = LayeredHopTree.Solve(sites, routes, limit, TimeSpan.FromSeconds(20));

            if (expected is null)
            {
                Assert.Null(result);
                continue;
            }

            var (chosen, bound, optimal) = Assert.NotNull(result);
            Assert.True(optimal, $"seed {seed}");
            Assert.Equal(sites, chosen.Count);
            Assert.Equal(expected.Value, chosen.Sum(r => routes[r].Cost), 1e-9);
            Assert.Equal(expected.Value, bound, 1e-6);
            Assert.True(HopTreeInstances.MaxDepth(sites, routes, chosen) <= limit, $"seed {seed}: a site is deeper than {limit}");
            solved++;
        }

        Assert.True(solved >= 30, $"only {solved} of 60 instances were feasible");
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Equals_the_hop_indexed_model_on_larger_instances(int limit)
    {
        for (var seed = 100; seed < 104; seed++)
        {
            var (sites, routes) = PlanarInstance(new Random(seed), sites: 14, pops: 2);

            var layered = Assert.NotNull(LayeredHopTree.Solve(sites, routes, limit, TimeSpan.FromSeconds(60)));
            var indexed = Assert.NotNull(HopLimitedTree.Solve(sites, sites + 2, routes, limit, TimeSpan.FromSeconds(60)));

            Assert.True(layered.Optimal, $"seed {seed}, H = {limit}: the layered model did not prove its tree");
            Assert.True(indexed.Optimal, $"seed {seed}, H = {limit}: the hop-indexed model did not prove its tree");
            Assert.Equal(indexed.Routes.Sum(r => routes[r].Cost), layered.Routes.Sum(r => routes[r].Cost), 1e-6);
            Assert.True(HopTreeInstances.MaxDepth(sites, routes, layered.Routes) <= limit);
        }
    }

    [Fact]
    public void A_start_tree_changes_the_route_to_the_optimum_not_the_optimum()
    {
        for (var seed = 200; seed < 204; seed++)
        {
            var (sites, routes) = PlanarInstance(new Random(seed), sites: 14, pops: 2);
            var plain = Assert.NotNull(LayeredHopTree.Solve(sites, routes, 3, TimeSpan.FromSeconds(60)));

            // Starts: the optimum itself, and a tree that breaks the limit (ignored).
            var fromOptimum = Assert.NotNull(LayeredHopTree.Solve(sites, routes, 3, TimeSpan.FromSeconds(60), start: plain.Routes));
            var unlimited = Assert.NotNull(LayeredHopTree.Solve(sites, routes, sites, TimeSpan.FromSeconds(60)));
            var fromDeep = Assert.NotNull(LayeredHopTree.Solve(sites, routes, 3, TimeSpan.FromSeconds(60), start: unlimited.Routes));

            Assert.True(fromOptimum.Optimal && fromDeep.Optimal);
            var optimum = plain.Routes.Sum(r => routes[r].Cost);
            Assert.Equal(optimum, fromOptimum.Routes.Sum(r => routes[r].Cost), 1e-6);
            Assert.Equal(optimum, fromDeep.Routes.Sum(r => routes[r].Cost), 1e-6);
            Assert.True(HopTreeInstances.MaxDepth(sites, routes, fromDeep.Routes) <= 3);
        }
    }

    [Fact]
    public void A_site_out_of_reach_within_the_limit_gives_no_tree()
    {
        // PoP 3 - site 0 - site 1 - site 2: site 2 is three links away.
        List<(int A, int B, double Cost)> routes = [(3, 0, 1), (0, 1, 1), (1, 2, 1)];

        Assert.Null(LayeredHopTree.Solve(3, routes, 2, TimeSpan.FromSeconds(20)));
        Assert.NotNull(LayeredHopTree.Solve(3, routes, 3, TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Same_instance_gives_the_same_tree()
    {
        var (sites, routes) = PlanarInstance(new Random(7), sites: 20, pops: 3);

        var first = Assert.NotNull(LayeredHopTree.Solve(sites, routes, 4, TimeSpan.FromSeconds(60)));
        var second = Assert.NotNull(LayeredHopTree.Solve(sites, routes, 4, TimeSpan.FromSeconds(60)));

        Assert.True(first.Optimal);
        Assert.Equal(first.Routes, second.Routes);
        Assert.Equal(first.LowerBound, second.LowerBound);
    }

    /// <summary>Random points in the unit square (sites, then PoPs), each joined to its 4 nearest neighbours, Euclidean costs x 100.</summary>
    private static (int Sites, List<(int A, int B, double Cost)> Routes) PlanarInstance(Random random, int sites, int pops)
    {
        var n = sites + pops;
        var points = Enumerable.Range(0, n).Select(_ => (X: random.NextDouble(), Y: random.NextDouble())).ToArray();
        double Distance(int a, int b) => 100 * Math.Sqrt(Math.Pow(points[a].X - points[b].X, 2) + Math.Pow(points[a].Y - points[b].Y, 2));
        var pairs = new HashSet<(int, int)>();
        for (var a = 0; a < n; a++)
        {
            foreach (var b in Enumerable.Range(0, n).Where(b => b != a).OrderBy(b => Distance(a, b)).Take(4))
            {
                if (a >= sites && b >= sites)
                {
                    continue;
                }

                pairs.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        // A direct route from every site to PoP 0 keeps every instance feasible, as the designer does.
        for (var s = 0; s < sites; s++)
        {
            pairs.Add((s, sites));
        }

        return (sites, [.. pairs.Order().Select(p => (p.Item1, p.Item2, Math.Round(Distance(p.Item1, p.Item2), 3)))]);
    }
}
