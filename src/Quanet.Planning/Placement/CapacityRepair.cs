namespace Quanet.Planning.Placement;

/// <summary>
/// Completes a set-cover selection that meets the target without capacities but not with them: adds the
/// site offering the most capacity-limited new coverage per cost, re-evaluating with the exact flow, until feasible.
/// </summary>
internal static class CapacityRepair
{
    /// <summary>Adds sites to <paramref name="selection"/> (modified in place) until the goal holds or no site is left.</summary>
    public static PlacementEvaluation Complete(CoverageInstance instance, PlacementGoal goal, bool[] selection)
    {
        var capacity = instance.SiteCapacity!;
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        while (!evaluation.Feasible)
        {
            var best = -1;
            var bestScore = double.NegativeInfinity;
            for (var j = 0; j < instance.SiteCount; j++)
            {
                if (selection[j] || instance.SiteFlags[j] == SiteFlag.Forbidden)
                {
                    continue;
                }

                var reach = 0.0;
                foreach (var i in instance.SiteCovers[j])
                {
                    reach += instance.DemandWeight[i];
                }

                var score = Math.Min(reach, capacity[j]) / Math.Max(instance.SiteCost[j], 1e-12);
                if (score > bestScore)
                {
                    bestScore = score;
                    best = j;
                }
            }

            if (best < 0)
            {
                return evaluation;
            }

            selection[best] = true;
            evaluation = PlacementEvaluator.Evaluate(instance, goal, selection);
        }

        return evaluation;
    }
}
