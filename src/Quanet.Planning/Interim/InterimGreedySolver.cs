using Quanet.Optimization;
using Quanet.Planning.Coverage;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Interim;

/// <summary>
/// Stand-in lazy greedy (CELF) so <c>quanet plan</c> runs end to end until the placement solvers land; delete
/// this folder then. Maximal covering picks the largest marginal gain (per unit cost under a budget); set cover
/// picks the largest gain per cost until the target is met. Capacities and overlap penalties are ignored.
/// The bound for cardinality-only maximal covering is the smaller of the coverable demand and the covered demand
/// of the fixed sites plus the P largest single-site gains over them; otherwise the coverable demand.
/// </summary>
public sealed class InterimGreedySolver(TimeProvider timeProvider) : IPlacementSolver
{
    /// <inheritdoc />
    public string Name => "greedy";

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(goal);
        var start = timeProvider.GetTimestamp();
        var covered = new bool[instance.DemandCount];
        var chosen = new List<int>();
        var cost = 0.0;
        var weight = 0.0;
        var fixedCount = 0;
        for (var s = 0; s < instance.SiteCount; s++)
        {
            if (instance.SiteFlags[s] == SiteFlag.Fixed)
            {
                chosen.Add(s);
                cost += instance.SiteCost[s];
                weight += Take(instance, s, covered);
                fixedCount++;
            }
        }

        var maxSites = goal.MaxSites ?? int.MaxValue;
        var budget = goal.Budget ?? double.PositiveInfinity;
        if (goal.Kind == PlacementKind.MaximalCovering && (fixedCount > maxSites || cost > budget + 1e-9))
        {
            throw new QuanetException($"the {fixedCount} fixed sites already exceed the limit ({(fixedCount > maxSites ? $"{maxSites} sites" : $"budget {budget}")})");
        }

        var perCost = goal.Kind == PlacementKind.SetCover || goal.Budget is not null;
        var queue = new PriorityQueue<int, double>();
        for (var s = 0; s < instance.SiteCount; s++)
        {
            if (instance.SiteFlags[s] == SiteFlag.Free)
            {
                queue.Enqueue(s, -Score(instance, s, Gain(instance, s, covered), perCost));
            }
        }

        var target = goal.CoverageTarget * instance.TotalDemand;
        while (queue.Count > 0 && chosen.Count < maxSites)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (goal.Kind == PlacementKind.SetCover && weight >= target - 1e-9)
            {
                break;
            }

            queue.TryDequeue(out var s, out _);
            var gain = Gain(instance, s, covered);
            var score = Score(instance, s, gain, perCost);
            if (queue.TryPeek(out _, out var next) && -score > next + 1e-12)
            {
                queue.Enqueue(s, -score);
                continue;
            }

            if (gain <= 0)
            {
                break;
            }

            if (cost + instance.SiteCost[s] > budget + 1e-9)
            {
                continue;
            }

            chosen.Add(s);
            cost += instance.SiteCost[s];
            weight += Take(instance, s, covered);
            options?.Progress?.Report(new PlacementProgress(timeProvider.GetElapsedTime(start), weight, null));
        }

        chosen.Sort();
        var feasible = goal.Kind != PlacementKind.SetCover || weight >= target - 1e-9;
        if (!feasible)
        {
            throw new QuanetException($"coverage target {goal.CoverageTarget:P1} cannot be reached with the candidate sites");
        }

        return new PlacementResult
        {
            Solver = Name,
            Sites = [.. chosen],
            CoveredDemand = weight,
            Cost = cost,
            Objective = goal.Kind == PlacementKind.SetCover ? cost : weight,
            Bound = goal.Kind == PlacementKind.MaximalCovering ? UpperBound(instance, goal, fixedCount) : null,
            Feasible = true,
            Elapsed = timeProvider.GetElapsedTime(start),
        };
    }

    private static double UpperBound(CoverageInstance instance, PlacementGoal goal, int fixedCount)
    {
        var all = new List<int>();
        var covered = new bool[instance.DemandCount];
        var fixedWeight = 0.0;
        for (var s = 0; s < instance.SiteCount; s++)
        {
            if (instance.SiteFlags[s] == SiteFlag.Fixed)
            {
                fixedWeight += Take(instance, s, covered);
            }
        }

        var gains = new List<double>();
        for (var s = 0; s < instance.SiteCount; s++)
        {
            if (instance.SiteFlags[s] == SiteFlag.Free)
            {
                all.Add(s);
                gains.Add(Gain(instance, s, covered));
            }
        }

        var coverable = CoverageEvaluator.CoveredWeight(instance, all) + fixedWeight;
        coverable = Math.Min(coverable, instance.TotalDemand);
        if (goal.MaxSites is not { } p || goal.Budget is not null)
        {
            return coverable;
        }

        gains.Sort((a, b) => b.CompareTo(a));
        var bound = fixedWeight;
        for (var k = 0; k < Math.Min(p - fixedCount, gains.Count); k++)
        {
            bound += gains[k];
        }

        return Math.Min(bound, coverable);
    }

    private static double Score(CoverageInstance instance, int s, double gain, bool perCost) =>
        perCost ? gain / Math.Max(instance.SiteCost[s], 1e-9) : gain;

    private static double Gain(CoverageInstance instance, int s, bool[] covered)
    {
        var gain = 0.0;
        foreach (var d in instance.SiteCovers[s])
        {
            if (!covered[d])
            {
                gain += instance.DemandWeight[d];
            }
        }

        return gain;
    }

    private static double Take(CoverageInstance instance, int s, bool[] covered)
    {
        var gain = 0.0;
        foreach (var d in instance.SiteCovers[s])
        {
            if (!covered[d])
            {
                covered[d] = true;
                gain += instance.DemandWeight[d];
            }
        }

        return gain;
    }
}
