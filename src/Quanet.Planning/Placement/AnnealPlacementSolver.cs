namespace Quanet.Planning.Placement;

/// <summary>
/// The quantum-inspired annealer (<c>anneal</c>): simulated annealing directly over site selections.
/// For maximal covering it starts from a random selection that fills the site count and budget and only
/// makes moves that keep them: swap (open an unchosen site, usually one sharing demand with the closed
/// one, close a chosen one), plus add and drop when there is room, each valued exactly in O(|covers|) by
/// <see cref="CoverageState"/>. For set cover it flips sites under cost + penalty x shortfall and repairs
/// the end state if it misses the target (reported). Geometric schedule over a fixed number of moves, so a
/// seed fixes the result unless the time limit cuts the run short.
/// </summary>
public sealed class AnnealPlacementSolver : IPlacementSolver
{
    /// <inheritdoc />
    public string Name => "anneal";

    /// <inheritdoc />
    public PlacementResult Solve(CoverageInstance instance, PlacementGoal goal, PlacementOptions options, CancellationToken cancellationToken = default)
    {
        GoalValidator.Check(instance, goal);
        ArgumentNullException.ThrowIfNull(options);
        var clock = new SearchClock(options.TimeProvider, options.TimeLimit, options.Stop);
        var random = new Random(options.Seed);
        var index = CoverageIndex.Build(instance);
        var state = new CoverageState(instance, index);
        var moves = (long)Math.Clamp(2000.0 * (instance.SiteCount + instance.DemandCount), 1e5, 2e7);
        bool[] best;
        var repaired = false;
        if (goal.Kind == PlacementKind.MaximalCovering)
        {
            best = AnnealMaxCover(instance, goal, index, state, random, moves, clock, cancellationToken);
        }
        else
        {
            best = AnnealSetCover(instance, goal, state, random, moves, clock, cancellationToken);
        }

        var evaluation = PlacementEvaluator.Evaluate(instance, goal, best);
        if (!evaluation.Feasible)
        {
            repaired = true;
            evaluation = SelectionRepair.Repair(instance, goal, best);
        }

        options.Progress?.Report(new PlacementProgress(clock.Elapsed, evaluation.Objective, null));
        return PlacementEvaluator.ToResult(Name, evaluation, bound: null, optimal: false, clock.Elapsed, repaired);
    }

    private static bool[] AnnealMaxCover(CoverageInstance instance, PlacementGoal goal, CoverageIndex index, CoverageState state, Random random, long moves, SearchClock clock, CancellationToken ct)
    {
        var n = instance.SiteCount;
        var p = goal.OverlapPenalty;
        var maxSites = goal.MaxSites ?? int.MaxValue;
        var budget = goal.Budget is { } b ? b + (PlacementEvaluator.Tolerance * Math.Max(1.0, b)) : double.PositiveInfinity;
        var free = new List<int>();
        for (var j = 0; j < n; j++)
        {
            if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                state.Flip(j);
            }
            else if (instance.SiteFlags[j] == SiteFlag.Free)
            {
                free.Add(j);
            }
        }

        // random feasible start: shuffle the free sites and open them while the limits allow
        var order = free.ToArray();
        random.Shuffle(order);
        foreach (var j in order)
        {
            if (state.ChosenCount < maxSites && state.Cost + instance.SiteCost[j] <= budget)
            {
                state.Flip(j);
            }
        }

        if (order.Length == 0)
        {
            return state.Chosen.ToArray();
        }

        // chosen free sites in an array with positions, for O(1) random picks
        var chosen = new List<int>();
        var position = new int[n];
        for (var j = 0; j < n; j++)
        {
            position[j] = -1;
            if (state.IsChosen(j) && instance.SiteFlags[j] == SiteFlag.Free)
            {
                position[j] = chosen.Count;
                chosen.Add(j);
            }
        }

        var current = state.Covered - (p * state.Overlap);
        var bestValue = current;
        var best = state.Chosen.ToArray();
        var (hot, cold) = Temperatures(instance, p);
        var cooling = Math.Pow(cold / hot, 1.0 / moves);
        var temperature = hot;
        for (long move = 0; move < moves; move++, temperature *= cooling)
        {
            if ((move & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (clock.Expired)
                {
                    break;
                }
            }

            int add = -1, drop = -1;
            if (chosen.Count > 0 && (random.Next(8) != 0 || state.ChosenCount >= maxSites))
            {
                drop = chosen[random.Next(chosen.Count)];
                add = Neighbour(instance, index, drop, order, random);
                if (add == drop || state.IsChosen(add) || state.Cost - instance.SiteCost[drop] + instance.SiteCost[add] > budget)
                {
                    // no swap partner: consider closing the site alone (only pays with an overlap penalty)
                    add = -1;
                }
            }
            else
            {
                add = order[random.Next(order.Length)];
                if (state.IsChosen(add) || state.ChosenCount >= maxSites || state.Cost + instance.SiteCost[add] > budget)
                {
                    continue;
                }
            }

            var delta = add >= 0 && drop >= 0 ? state.SwapDelta(add, drop, p) : state.Delta(add >= 0 ? add : drop, p);
            if (delta < 0 && random.NextDouble() >= Math.Exp(delta / temperature))
            {
                continue;
            }

            if (add >= 0)
            {
                state.Flip(add);
                position[add] = chosen.Count;
                chosen.Add(add);
            }

            if (drop >= 0)
            {
                state.Flip(drop);
                var at = position[drop];
                var last = chosen[^1];
                chosen[at] = last;
                position[last] = at;
                chosen.RemoveAt(chosen.Count - 1);
                position[drop] = -1;
            }

            current += delta;
            if (current > bestValue + 1e-9)
            {
                bestValue = state.Covered - (p * state.Overlap);
                current = bestValue;
                state.Chosen.CopyTo(best);
            }
        }

        return best;
    }

    private static bool[] AnnealSetCover(CoverageInstance instance, PlacementGoal goal, CoverageState state, Random random, long moves, SearchClock clock, CancellationToken ct)
    {
        var n = instance.SiteCount;
        var p = goal.OverlapPenalty;
        var target = (goal.CoverageTarget * instance.TotalDemand) - (PlacementEvaluator.Tolerance * Math.Max(1.0, instance.TotalDemand));
        var free = new List<int>();
        var minWeight = double.PositiveInfinity;
        foreach (var w in instance.DemandWeight)
        {
            if (w > 0)
            {
                minWeight = Math.Min(minWeight, w);
            }
        }

        var maxColumn = 0.0;
        for (var j = 0; j < n; j++)
        {
            if (instance.SiteFlags[j] == SiteFlag.Fixed)
            {
                state.Flip(j);
            }
            else if (instance.SiteFlags[j] == SiteFlag.Free)
            {
                free.Add(j);
                var w = 0.0;
                foreach (var i in instance.SiteCovers[j])
                {
                    w += instance.DemandWeight[i];
                }

                maxColumn = Math.Max(maxColumn, instance.SiteCost[j] + (p * w));
            }
        }

        if (free.Count == 0)
        {
            return state.Chosen.ToArray();
        }

        // a unit of missing coverage costs more than any single column saves
        var lambda = ((1.5 * maxColumn) + 1.0) / Math.Max(minWeight, 1e-12);
        double Energy() => state.Cost + (p * state.Overlap) + (lambda * Math.Max(0.0, target - state.Covered));
        var current = Energy();
        var best = state.Chosen.ToArray();
        var bestValue = state.Covered >= target ? current : double.PositiveInfinity;
        var hot = Math.Max(maxColumn, 1e-9) / Math.Log(2.0);
        var cold = hot / 1000.0;
        var cooling = Math.Pow(cold / hot, 1.0 / moves);
        var temperature = hot;
        for (long move = 0; move < moves; move++, temperature *= cooling)
        {
            if ((move & 4095) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (clock.Expired)
                {
                    break;
                }
            }

            var j = free[random.Next(free.Count)];
            var sign = state.IsChosen(j) ? -1.0 : 1.0;
            var coveredAfter = state.Covered + state.DeltaCover(j);
            var delta = (sign * instance.SiteCost[j]) + (p * state.DeltaOverlap(j))
                + (lambda * (Math.Max(0.0, target - coveredAfter) - Math.Max(0.0, target - state.Covered)));
            if (delta > 0 && random.NextDouble() >= Math.Exp(-delta / temperature))
            {
                continue;
            }

            state.Flip(j);
            current += delta;
            if (state.Covered >= target && current < bestValue - 1e-9)
            {
                current = Energy();
                bestValue = current;
                state.Chosen.CopyTo(best);
            }
        }

        return double.IsPositiveInfinity(bestValue) ? state.Chosen.ToArray() : best;
    }

    private static int Neighbour(CoverageInstance instance, CoverageIndex index, int site, int[] free, Random random)
    {
        var covers = instance.SiteCovers[site];
        if (covers.Length > 0 && random.Next(5) != 0)
        {
            var near = index.SitesOf(covers[random.Next(covers.Length)]);
            var j = near[random.Next(near.Length)];
            if (instance.SiteFlags[j] == SiteFlag.Free)
            {
                return j;
            }
        }

        return free[random.Next(free.Length)];
    }

    private static (double Hot, double Cold) Temperatures(CoverageInstance instance, double penalty)
    {
        // start where losing an average site's coverage is accepted half the time, end at a thousandth of that
        var total = 0.0;
        var count = 0;
        for (var j = 0; j < instance.SiteCount; j++)
        {
            var w = 0.0;
            foreach (var i in instance.SiteCovers[j])
            {
                w += instance.DemandWeight[i];
            }

            if (w > 0)
            {
                total += (1 + penalty) * w;
                count++;
            }
        }

        var typical = count > 0 ? total / count : 1.0;
        var hot = typical / Math.Log(2.0);
        return (hot, hot / 1000.0);
    }
}
