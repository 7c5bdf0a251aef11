using System.Globalization;
using Quanet.Core;

namespace Quanet.Planning.Placement;

/// <summary>
/// The one check of a goal against an instance: the planner calls it before any solver runs, and each public solver
/// calls it as the guard of its own entry point, so every caller fails the same clear way.
/// </summary>
public static class GoalValidator
{
    /// <summary>Validates; throws when the goal is malformed or cannot be met by any selection.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative or the coverage target is outside (0, 1].</exception>
    /// <exception cref="QuanetException">The fixed sites already break the site or cost limit, or the coverage target is unreachable.</exception>
    public static void Check(CoverageInstance instance, PlacementGoal goal)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(goal);
        if (goal.MaxSites is { } p)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(p, nameof(goal.MaxSites));
        }

        if (goal.Budget is { } b && !(b >= 0 && !double.IsInfinity(b)))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), b, "the budget must be finite and non-negative");
        }

        if (!(goal.OverlapPenalty >= 0 && !double.IsInfinity(goal.OverlapPenalty)))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal.OverlapPenalty, "the overlap penalty must be finite and non-negative");
        }

        if (goal.Kind == PlacementKind.SetCover && !(goal.CoverageTarget > 0 && goal.CoverageTarget <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(goal), goal.CoverageTarget, "the coverage target must be in (0, 1]");
        }

        var fixedCount = 0;
        var fixedCost = 0.0;
        var cheapest = double.PositiveInfinity;
        var allowed = new bool[instance.SiteCount];
        for (var j = 0; j < instance.SiteCount; j++)
        {
            allowed[j] = instance.SiteFlags[j] != SiteFlag.Forbidden;
            if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                fixedCount++;
                fixedCost += instance.SiteCost[j];
            }
            else if (allowed[j])
            {
                cheapest = Math.Min(cheapest, instance.SiteCost[j]);
            }
        }

        if (goal.MaxSites is { } maxSites && fixedCount > maxSites)
        {
            throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"a limit of {maxSites} sites is below the {fixedCount} fixed sites"));
        }

        if (goal.Budget is { } budget && fixedCost > budget + (PlacementEvaluator.Tolerance * Math.Max(1.0, budget)))
        {
            throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"budget {budget:0.##} is below the cost of the fixed sites ({fixedCost:0.##})"));
        }

        if (goal.Kind == PlacementKind.MaximalCovering && goal.Budget is { } b2 && fixedCount == 0 && b2 < cheapest - 1e-9)
        {
            throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"budget {b2:0.##} buys no site: the cheapest candidate costs {cheapest:0.##}"));
        }

        if (goal.Kind == PlacementKind.SetCover)
        {
            if (goal.MaxSites is not null || goal.Budget is not null)
            {
                throw new ArgumentException("set cover minimises cost; give a coverage target, not a site count or budget", nameof(goal));
            }

            var all = PlacementEvaluator.Evaluate(instance, goal, allowed);
            if (!all.Feasible)
            {
                var reach = instance.TotalDemand > 0 ? all.Covered / instance.TotalDemand : 0.0;
                throw new QuanetException(string.Create(CultureInfo.InvariantCulture, $"impossible coverage target: {goal.CoverageTarget:P2} requested but every allowed site together covers {reach:P2}"));
            }
        }
    }
}
