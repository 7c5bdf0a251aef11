namespace Quanet.Planning.Tests.Backhaul;

public sealed class HopLimitedTreeTests
{
    [Fact]
    public void Matches_enumeration_of_every_parent_choice_on_small_instances()
    {
        var solved = 0;
        for (var seed = 0; seed < 40; seed++)
        {
            var random = new Random(seed);
            var sites = random.Next(2, 7);
            var pops = random.Next(1, 3);
            var limit = random.Next(1, 4);
            var routes = HopTreeInstances.RandomRoutes(random, sites, pops);

            var expected = HopTreeInstances.Enumerate(sites, routes, limit);
            var result = HopLimitedTree.Solve(sites, sites + pops, routes, limit, TimeSpan.FromSeconds(20));

            if (expected is null)
            {
                Assert.Null(result);
                continue;
            }

            var (chosen, bound, optimal) = Assert.NotNull(result);
            Assert.True(optimal, $"seed {seed}");
            var cost = chosen.Sum(r => routes[r].Cost);
            Assert.Equal(expected.Value, cost, 1e-9);
            Assert.Equal(expected.Value, bound, 1e-6);
            Assert.True(HopTreeInstances.MaxDepth(sites, routes, chosen) <= limit, $"seed {seed}: a site is deeper than {limit}");
            solved++;
        }

        Assert.True(solved >= 20, $"only {solved} of 40 instances were feasible");
    }
}
