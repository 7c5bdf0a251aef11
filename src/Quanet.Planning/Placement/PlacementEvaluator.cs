using System.Globalization;

namespace Quanet.Planning.Placement;

/// <summary>
/// The single source of truth for a selection's value: every solver's answer goes through
/// <see cref="Evaluate"/> before it is returned, so no solver can report a value or feasibility it did not achieve.
/// </summary>
internal static class PlacementEvaluator
{
    /// <summary>Relative tolerance for budget and coverage-target comparisons.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>Measures the selection <paramref name="chosen"/> (one flag per site).</summary>
    public static PlacementEvaluation Evaluate(CoverageInstance instance, PlacementGoal goal, ReadOnlySpan<bool> chosen)
    {
        if (chosen.Length != instance.SiteCount)
        {
            throw new ArgumentException($"selection has {chosen.Length} flags for {instance.SiteCount} sites", nameof(chosen));
        }

        var count = new int[instance.DemandCount];
        var sites = new List<int>();
        var cost = 0.0;
        string? violation = null;
        for (var j = 0; j < instance.SiteCount; j++)
        {
            var flag = instance.SiteFlags[j];
            if (!chosen[j])
            {
                if (flag == SiteFlag.Fixed)
                {
                    violation ??= $"fixed site {j} is not chosen";
                }

                continue;
            }

            if (flag == SiteFlag.Forbidden)
            {
                violation ??= $"forbidden site {j} is chosen";
            }

            sites.Add(j);
            cost += instance.SiteCost[j];
            foreach (var i in instance.SiteCovers[j])
            {
                count[i]++;
            }
        }

        var uncapacitated = 0.0;
        var overlap = 0.0;
        for (var i = 0; i < count.Length; i++)
        {
            if (count[i] > 0)
            {
                uncapacitated += instance.DemandWeight[i];
                overlap += instance.DemandWeight[i] * (count[i] - 1);
            }
        }

        var covered = instance.SiteCapacity is null ? uncapacitated : CapacitatedCoverage.Covered(instance, chosen);
        if (goal.MaxSites is { } maxSites && sites.Count > maxSites)
        {
            violation ??= string.Create(CultureInfo.InvariantCulture, $"{sites.Count} sites chosen, at most {maxSites} allowed");
        }

        if (goal.Budget is { } budget && cost > budget + (Tolerance * Math.Max(1.0, Math.Abs(budget))))
        {
            violation ??= string.Create(CultureInfo.InvariantCulture, $"cost {cost:G6} exceeds the budget {budget:G6}");
        }

        double objective;
        if (goal.Kind == PlacementKind.SetCover)
        {
            var target = goal.CoverageTarget * instance.TotalDemand;
            if (covered < target - (Tolerance * Math.Max(1.0, instance.TotalDemand)))
            {
                violation ??= string.Create(CultureInfo.InvariantCulture, $"covers {covered:G8} of the required {target:G8}");
            }

            objective = cost + (goal.OverlapPenalty * overlap);
        }
        else
        {
            objective = covered - (goal.OverlapPenalty * overlap);
        }

        return new PlacementEvaluation([.. sites], covered, cost, overlap, objective, violation);
    }

    /// <summary>Turns an evaluation into the public result; an infeasible selection is never reported optimal.</summary>
    public static PlacementResult ToResult(string solver, PlacementEvaluation evaluation, double? bound, bool optimal, TimeSpan elapsed, bool repaired = false) => new()
    {
        Solver = solver,
        Sites = evaluation.Sites,
        CoveredDemand = evaluation.Covered,
        Cost = evaluation.Cost,
        Objective = evaluation.Objective,
        Bound = bound,
        Optimal = optimal && evaluation.Feasible,
        Feasible = evaluation.Feasible,
        Repaired = repaired,
        Elapsed = elapsed,
    };
}
