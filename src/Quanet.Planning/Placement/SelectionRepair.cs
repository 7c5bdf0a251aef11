namespace Quanet.Planning.Placement;

/// <summary>Greedy repair of a selection that breaks its goal (used on decoded QUBO samples).</summary>
internal static class SelectionRepair
{
    /// <summary>
    /// Maximal covering: restores fixed/forbidden flags, then drops the chosen site whose removal loses least
    /// until the site count and budget hold. Set cover: adds the site with the best cost per newly covered
    /// weight until the target holds (capacities then checked exactly). Returns the evaluation of the repaired selection.
    /// </summary>
    public static PlacementEvaluation Repair(CoverageInstance instance, PlacementGoal goal, bool[] selection)
    {
        var index = CoverageIndex.Build(instance);
        var state = new CoverageState(instance, index);
        for (var j = 0; j < selection.Length; j++)
        {
            var want = instance.SiteFlags[j] switch
            {
                SiteFlag.Fixed => true,
                SiteFlag.Forbidden => false,
                _ => selection[j],
            };
            if (want)
            {
                state.Flip(j);
            }
        }

        var p = goal.OverlapPenalty;
        if (goal.Kind == PlacementKind.MaximalCovering)
        {
            var maxSites = goal.MaxSites ?? int.MaxValue;
            var budget = goal.Budget is { } b ? b + (PlacementEvaluator.Tolerance * Math.Max(1.0, b)) : double.PositiveInfinity;
            while (state.ChosenCount > maxSites || state.Cost > budget)
            {
                var best = -1;
                var bestDelta = double.NegativeInfinity;
                for (var j = 0; j < selection.Length; j++)
                {
                    if (state.IsChosen(j) && instance.SiteFlags[j] == SiteFlag.Free && state.Delta(j, p) > bestDelta)
                    {
                        bestDelta = state.Delta(j, p);
                        best = j;
                    }
                }

                if (best < 0)
                {
                    break;
                }

                state.Flip(best);
            }
        }
        else
        {
            var target = (goal.CoverageTarget * instance.TotalDemand) - (PlacementEvaluator.Tolerance * Math.Max(1.0, instance.TotalDemand));
            while (state.Covered < target)
            {
                var best = -1;
                var bestRatio = double.PositiveInfinity;
                for (var j = 0; j < selection.Length; j++)
                {
                    if (!state.IsChosen(j) && instance.SiteFlags[j] != SiteFlag.Forbidden && state.DeltaCover(j) > 0)
                    {
                        var ratio = (instance.SiteCost[j] + (p * state.DeltaOverlap(j))) / state.DeltaCover(j);
                        if (ratio < bestRatio)
                        {
                            bestRatio = ratio;
                            best = j;
                        }
                    }
                }

                if (best < 0)
                {
                    break;
                }

                state.Flip(best);
            }
        }

        var repaired = state.Chosen.ToArray();
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, repaired);
        return !evaluation.Feasible && goal.Kind == PlacementKind.SetCover && instance.SiteCapacity is not null
            ? CapacityRepair.Complete(instance, goal, repaired)
            : evaluation;
    }
}
