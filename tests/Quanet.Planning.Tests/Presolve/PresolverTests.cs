using CsCheck;
using Quanet.Core;
using Quanet.Planning.Coverage;
using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;

namespace Quanet.Planning.Tests.Presolve;

public sealed class PresolverTests
{
    [Fact]
    public void Merges_demand_with_the_same_covering_sites()
    {
        // demand 0 and 1 are covered by exactly {0}; demand 2 by {0, 1} (site 1 is cheaper, so not dominated); demand 3 by nobody
        var instance = new CoverageInstance([1, 2, 4, 8], [1, 0.5], [[0, 1, 2], [2]]);

        var result = Presolver.Run(instance, new PlacementGoal { MaxSites = 1 });

        Assert.Equal(8, result.UncoverableDemand);
        Assert.Equal(2, result.Reduced.DemandCount);
        Assert.Contains(result.DemandGroups, g => g.SequenceEqual([0, 1]));
        Assert.Equal(7, result.Reduced.TotalDemand);
    }

    [Fact]
    public void Drops_a_site_covering_a_subset_at_no_lower_cost()
    {
        var instance = new CoverageInstance([1, 1, 1, 1], [2, 2, 1, 5], [[0, 1], [0, 1, 2], [3], [0]]);

        var result = Presolver.Run(instance, new PlacementGoal { MaxSites = 2 });

        // site 0 (subset of 1, same cost) and site 3 (subset of 1, dearer) go; site 2 covers demand nobody else does
        Assert.Equal([1, 2], result.SiteMap);
    }

    [Fact]
    public void Keeps_a_cheaper_subset_site_and_fixed_or_identical_ones_once()
    {
        var instance = new CoverageInstance([1, 1, 1], [1, 3, 3, 3], [[0], [0, 1], [0, 1], [2]], [SiteFlag.Free, SiteFlag.Free, SiteFlag.Free, SiteFlag.Forbidden]);

        var result = Presolver.Run(instance, new PlacementGoal { Budget = 3 });

        // 0 is cheaper than 1 so it stays; 2 duplicates 1; 3 is forbidden (its demand becomes uncoverable)
        Assert.Equal([0, 1], result.SiteMap);
        Assert.Equal(1, result.UncoverableDemand);
    }

    [Fact]
    public void Rescales_a_set_cover_target_and_rejects_an_unreachable_one()
    {
        var instance = new CoverageInstance([3, 1], [1], [[0]]);

        var ok = Presolver.Run(instance, new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = 0.75 });
        var ex = Assert.Throws<QuanetException>(() => Presolver.Run(instance, new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = 0.9 }));

        Assert.Equal(1.0, ok.ReducedGoal.CoverageTarget, 12);
        Assert.Contains("unreachable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reduced_instances_keep_the_optimum_of_maximal_covering()
    {
        var gen = Gen.Int[1, 7].SelectMany(sites => Gen.Int[1, 9].SelectMany(demand =>
            Gen.Select(
                Gen.Int[0, 5].Array[demand],
                Gen.Int[1, 3].Array[sites],
                Gen.Bool.Array[demand].Array[sites],
                Gen.Int[1, sites])));
        gen.Sample((weights, costs, matrix, p) =>
        {
            var covers = matrix.Select(row => Enumerable.Range(0, row.Length).Where(i => row[i]).ToArray()).ToArray();
            var instance = new CoverageInstance(weights.Select(w => (double)w).ToArray(), costs.Select(c => (double)c).ToArray(), covers);
            var goal = new PlacementGoal { MaxSites = p, Budget = 2 * p };

            var presolve = Presolver.Run(instance, goal);

            Assert.Equal(BestCoverage(instance, goal), BestCoverage(presolve.Reduced, presolve.ReducedGoal), 9);
            foreach (var group in presolve.DemandGroups)
            {
                Assert.All(group, d => Assert.InRange(d, 0, instance.DemandCount - 1));
            }
        }, iter: 300);
    }

    [Fact]
    public void Maps_reduced_sites_back_to_original_indices()
    {
        var instance = new CoverageInstance([1, 1, 1], [1, 1, 1], [[0], [0, 1], [2]]);
        var presolve = Presolver.Run(instance, new PlacementGoal { MaxSites = 2 });
        var reduced = new PlacementResult { Solver = "t", Sites = [0, 1], CoveredDemand = 3, Cost = 2, Objective = 3, Feasible = true, Elapsed = TimeSpan.Zero };

        var original = presolve.MapBack(reduced);

        Assert.Equal([1, 2], original.Sites);
        Assert.Equal(3, CoverageEvaluator.CoveredWeight(instance, original.Sites));
    }

    private static double BestCoverage(CoverageInstance instance, PlacementGoal goal)
    {
        var best = 0.0;
        for (var mask = 0; mask < 1 << instance.SiteCount; mask++)
        {
            var sites = Enumerable.Range(0, instance.SiteCount).Where(s => (mask & (1 << s)) != 0).ToArray();
            if (sites.Length <= goal.MaxSites && CoverageEvaluator.Cost(instance, sites) <= goal.Budget)
            {
                best = Math.Max(best, CoverageEvaluator.CoveredWeight(instance, sites));
            }
        }

        return best;
    }
}
