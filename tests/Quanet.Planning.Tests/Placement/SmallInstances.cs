using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

/// <summary>Random small coverage instances and their optima by exhaustive enumeration.</summary>
internal static class SmallInstances
{
    public static CoverageInstance Random(int seed, int demand, int sites, bool integerWeights = true, bool capacities = false, bool flags = false)
    {
        var random = new Random(seed);
        var weights = new double[demand];
        for (var i = 0; i < demand; i++)
        {
            weights[i] = integerWeights ? random.Next(1, 100) : Math.Round(random.NextDouble() * 50, 3) + 0.5;
        }

        var covers = new int[sites][];
        var cost = new double[sites];
        for (var j = 0; j < sites; j++)
        {
            var list = new List<int>();
            for (var i = 0; i < demand; i++)
            {
                if (random.NextDouble() < 0.3)
                {
                    list.Add(i);
                }
            }

            covers[j] = [.. list];
            cost[j] = random.Next(1, 10);
        }

        // every demand point coverable, so full set covers exist
        for (var i = 0; i < demand; i++)
        {
            var j = random.Next(sites);
            if (!covers[j].Contains(i))
            {
                covers[j] = [.. covers[j].Append(i).Order()];
            }
        }

        double[]? capacity = null;
        if (capacities)
        {
            capacity = new double[sites];
            for (var j = 0; j < sites; j++)
            {
                capacity[j] = random.Next(20, 150);
            }
        }

        SiteFlag[]? siteFlags = null;
        if (flags)
        {
            siteFlags = new SiteFlag[sites];
            siteFlags[0] = SiteFlag.Fixed;
            siteFlags[1] = SiteFlag.Forbidden;
        }

        return new CoverageInstance(weights, cost, covers, siteFlags, capacity);
    }

    /// <summary>The best feasible objective over every subset of sites, or null when none is feasible.</summary>
    public static double? BruteForce(CoverageInstance instance, PlacementGoal goal)
    {
        double? best = null;
        var chosen = new bool[instance.SiteCount];
        for (var mask = 0L; mask < 1L << instance.SiteCount; mask++)
        {
            for (var j = 0; j < chosen.Length; j++)
            {
                chosen[j] = ((mask >> j) & 1) == 1;
            }

            var evaluation = PlacementEvaluator.Evaluate(instance, goal, chosen);
            if (!evaluation.Feasible)
            {
                continue;
            }

            if (best is null || (goal.Kind == PlacementKind.SetCover ? evaluation.Objective < best : evaluation.Objective > best))
            {
                best = evaluation.Objective;
            }
        }

        return best;
    }

    public static PlacementOptions Options(double seconds = 2) => new() { TimeLimit = TimeSpan.FromSeconds(seconds), Threads = 1 };
}
