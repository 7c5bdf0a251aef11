namespace Quanet.Planning.Placement;

/// <summary>
/// Set-cover heuristic over <see cref="CoverageState"/> for any coverage target and overlap penalty:
/// ratio greedy (cost per newly covered weight) until the target is met, redundant-site removal (most
/// expensive first), then iterated greedy (drop a random part of the cover, re-cover greedily with noisy
/// ratios, remove redundancy, accept if not worse), after Jacobs and Brusco (1995, "A local-search heuristic
/// for large set-covering problems", Naval Research Logistics 42).
/// </summary>
internal sealed class SetCoverSearch
{
    private readonly CoverageInstance _instance;
    private readonly CoverageState _state;
    private readonly double _penalty;
    private readonly double _target;
    private readonly double _eps;
    private readonly List<int> _work = [];
    private readonly bool[] _best;

    /// <summary>Prepares a search with no site chosen.</summary>
    public SetCoverSearch(CoverageInstance instance, PlacementGoal goal, CoverageIndex index)
    {
        _instance = instance;
        _state = new CoverageState(instance, index);
        _penalty = goal.OverlapPenalty;
        _eps = PlacementEvaluator.Tolerance * Math.Max(1.0, instance.TotalDemand);
        _target = (goal.CoverageTarget * instance.TotalDemand) - _eps;
        _best = new bool[instance.SiteCount];
    }

    /// <summary>Objective (cost + penalty x overlap) of the best cover found, or +infinity.</summary>
    public double BestObjective { get; private set; } = double.PositiveInfinity;

    /// <summary>The best cover found.</summary>
    public bool[] Best => _best;

    private double Objective => _state.Cost + (_penalty * _state.Overlap);

    /// <summary>Starts from <paramref name="start"/> (or from the fixed sites), completes it greedily and removes redundancy.</summary>
    public void Construct(ReadOnlySpan<bool> start, Random random)
    {
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            var want = _instance.SiteFlags[j] == SiteFlag.Fixed || (!start.IsEmpty && start[j] && _instance.SiteFlags[j] == SiteFlag.Free);
            if (_state.IsChosen(j) != want)
            {
                _state.Flip(j);
            }
        }

        Repair(random, 0.0);
        RemoveRedundant();
        if (_state.Covered >= _target && Objective < BestObjective)
        {
            Record();
        }

        Restore();
    }

    /// <summary>Iterated greedy until the clock runs out.</summary>
    public void Iterate(SearchClock clock, Random random, CancellationToken cancellationToken)
    {
        var chosen = new List<int>();
        while (!clock.Expired)
        {
            cancellationToken.ThrowIfCancellationRequested();
            chosen.Clear();
            for (var j = 0; j < _instance.SiteCount; j++)
            {
                if (_state.IsChosen(j) && _instance.SiteFlags[j] != SiteFlag.Fixed)
                {
                    chosen.Add(j);
                }
            }

            if (chosen.Count == 0)
            {
                return;
            }

            var k = 1 + random.Next(Math.Max(1, chosen.Count / 5));
            for (var r = 0; r < k; r++)
            {
                var pick = random.Next(chosen.Count);
                _state.Flip(chosen[pick]);
                chosen[pick] = chosen[^1];
                chosen.RemoveAt(chosen.Count - 1);
            }

            Repair(random, 0.1);
            RemoveRedundant();
            if (Objective <= BestObjective + _eps)
            {
                Record();
            }
            else
            {
                Restore();
            }
        }
    }

    private void Repair(Random random, double noise)
    {
        while (_state.Covered < _target)
        {
            var best = -1;
            var bestRatio = double.PositiveInfinity;
            for (var j = 0; j < _instance.SiteCount; j++)
            {
                if (_state.IsChosen(j) || _instance.SiteFlags[j] == SiteFlag.Forbidden)
                {
                    continue;
                }

                var gain = _state.DeltaCover(j);
                if (gain <= 0)
                {
                    continue;
                }

                var ratio = (_instance.SiteCost[j] + (_penalty * _state.DeltaOverlap(j))) / gain;
                if (noise > 0)
                {
                    ratio *= 1.0 + (noise * random.NextDouble());
                }

                if (ratio < bestRatio)
                {
                    bestRatio = ratio;
                    best = j;
                }
            }

            if (best < 0)
            {
                return;
            }

            _state.Flip(best);
        }
    }

    private void RemoveRedundant()
    {
        _work.Clear();
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (_state.IsChosen(j) && _instance.SiteFlags[j] != SiteFlag.Fixed)
            {
                _work.Add(j);
            }
        }

        _work.Sort((a, b) =>
        {
            var c = _instance.SiteCost[b].CompareTo(_instance.SiteCost[a]);
            return c != 0 ? c : a.CompareTo(b);
        });
        foreach (var j in _work)
        {
            // removing j lowers cost and overlap; keep it only if the target needs it
            if (_state.Covered + _state.DeltaCover(j) >= _target)
            {
                _state.Flip(j);
            }
        }
    }

    private void Record()
    {
        if (_state.Covered >= _target)
        {
            BestObjective = Objective;
            _state.Chosen.CopyTo(_best);
        }
    }

    private void Restore()
    {
        for (var j = 0; j < _best.Length; j++)
        {
            if (_state.IsChosen(j) != _best[j])
            {
                _state.Flip(j);
            }
        }
    }
}
