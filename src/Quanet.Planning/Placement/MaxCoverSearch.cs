namespace Quanet.Planning.Placement;

/// <summary>
/// Maximal covering heuristic: lazy greedy (largest marginal gain, per cost under a budget), then
/// best-improvement local search over add, drop and swap moves, then iterated local search
/// (random perturbation of a few sites, local search, keep the better) until the time limit.
/// A swap (add a, drop b) is valued in O(|covers(a)|) for every b at once: only demand uniquely covered
/// by b and also covered by a corrects the two flip deltas, and the unique coverer of a demand point is
/// read from <see cref="CoverageState.UniqueCoverer"/>.
/// </summary>
internal sealed class MaxCoverSearch
{
    private readonly CoverageInstance _instance;
    private readonly CoverageIndex _index;
    private readonly CoverageState _state;
    private readonly double _penalty;
    private readonly int _maxSites;
    private readonly double _budget;
    private readonly double _eps;
    private readonly double[] _shared;
    private readonly bool[] _mark;
    private readonly List<int> _touched = [];
    private readonly List<int> _chosenByDelta = [];
    private bool[] _best;

    /// <summary>Prepares a search with no site chosen.</summary>
    public MaxCoverSearch(CoverageInstance instance, PlacementGoal goal, CoverageIndex index)
    {
        _instance = instance;
        _index = index;
        _state = new CoverageState(instance, index);
        _penalty = goal.OverlapPenalty;
        _maxSites = goal.MaxSites ?? int.MaxValue;
        _budget = goal.Budget is { } b ? b + (PlacementEvaluator.Tolerance * Math.Max(1.0, b)) : double.PositiveInfinity;
        _eps = 1e-9 * Math.Max(1.0, instance.TotalDemand);
        _shared = new double[instance.SiteCount];
        _mark = new bool[instance.SiteCount];
        _best = new bool[instance.SiteCount];
    }

    /// <summary>The best objective (covered - penalty x overlap, uncapacitated) found.</summary>
    public double BestObjective { get; private set; } = double.NegativeInfinity;

    /// <summary>The best selection found.</summary>
    public bool[] Best => _best;

    /// <summary>Local-search moves applied.</summary>
    public long Moves { get; private set; }

    private double Objective => _state.Covered - (_penalty * _state.Overlap);

    /// <summary>Chooses the fixed sites, then adds sites greedily while they gain.</summary>
    public void Greedy()
    {
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (_instance.SiteFlags[j] == SiteFlag.Fixed && !_state.IsChosen(j))
            {
                _state.Flip(j);
            }
        }

        var byCost = !double.IsPositiveInfinity(_budget);
        var queue = new PriorityQueue<int, double>(_instance.SiteCount);
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (Allowed(j) && !_state.IsChosen(j))
            {
                queue.Enqueue(j, -Score(j, byCost));
            }
        }

        // gains only shrink as sites are added (coverage is submodular), so a popped site whose
        // refreshed score still beats the next key is the true maximum (lazy evaluation)
        while (_state.ChosenCount < _maxSites && queue.TryDequeue(out var j, out var key))
        {
            var score = Score(j, byCost);
            if (score < -key && queue.TryPeek(out _, out var next) && score < -next)
            {
                queue.Enqueue(j, -score);
                continue;
            }

            if (_state.Delta(j, _penalty) <= _eps || _state.Cost + _instance.SiteCost[j] > _budget)
            {
                continue;
            }

            _state.Flip(j);
        }

        Record();
    }

    /// <summary>Makes <paramref name="selection"/> (fixed sites forced, forbidden ones dropped) the current selection and records it if best.</summary>
    public void Load(ReadOnlySpan<bool> selection)
    {
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            var want = _instance.SiteFlags[j] == SiteFlag.Fixed || (selection[j] && _instance.SiteFlags[j] == SiteFlag.Free);
            if (_state.IsChosen(j) != want)
            {
                _state.Flip(j);
            }
        }

        if (_state.ChosenCount <= _maxSites && _state.Cost <= _budget)
        {
            Record();
        }
    }

    /// <summary>Best-improvement local search until no add, drop or swap move improves.</summary>
    public void LocalSearch(SearchClock clock, CancellationToken cancellationToken)
    {
        while (!clock.Expired)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (TryAdd() || TryDrop() || TrySwap())
            {
                Moves++;
                continue;
            }

            break;
        }

        Record();
    }

    /// <summary>Iterated local search: perturb, descend, keep the better, until the clock runs out.</summary>
    public void Iterate(SearchClock clock, Random random, CancellationToken cancellationToken, Action<double>? improved = null)
    {
        var free = new List<int>();
        while (!clock.Expired)
        {
            cancellationToken.ThrowIfCancellationRequested();
            free.Clear();
            for (var j = 0; j < _instance.SiteCount; j++)
            {
                if (CanClose(j))
                {
                    free.Add(j);
                }
            }

            if (free.Count == 0)
            {
                return;
            }

            var k = 1 + random.Next(Math.Max(1, Math.Min(8, free.Count / 4)));
            for (var r = 0; r < k && free.Count > 0; r++)
            {
                var pick = random.Next(free.Count);
                var b = free[pick];
                free[pick] = free[^1];
                free.RemoveAt(free.Count - 1);
                _state.Flip(b);
                AddNeighbour(b, random);
            }

            var before = BestObjective;
            LocalSearch(clock, cancellationToken);
            if (BestObjective > before + _eps)
            {
                improved?.Invoke(BestObjective);
            }

            Restore();
        }
    }

    private void AddNeighbour(int removed, Random random)
    {
        // re-open a random allowed site sharing demand with the removed one, if the limits permit
        var covers = _instance.SiteCovers[removed];
        if (covers.Length == 0)
        {
            return;
        }

        for (var attempt = 0; attempt < 4; attempt++)
        {
            var i = covers[random.Next(covers.Length)];
            var near = _index.SitesOf(i);
            var j = near[random.Next(near.Length)];
            if (Allowed(j) && !_state.IsChosen(j) && j != removed && CanAdd(j))
            {
                _state.Flip(j);
                return;
            }
        }
    }

    private bool Allowed(int j) => _instance.SiteFlags[j] != SiteFlag.Forbidden;

    private bool CanAdd(int j) => _state.ChosenCount < _maxSites && _state.Cost + _instance.SiteCost[j] <= _budget;

    private double Score(int j, bool byCost)
    {
        var gain = _state.Delta(j, _penalty);
        if (!byCost)
        {
            return gain;
        }

        var cost = _instance.SiteCost[j];
        return cost > 0 ? gain / cost : (gain > 0 ? double.MaxValue : gain);
    }

    private void Record()
    {
        var value = Objective;
        if (value > BestObjective)
        {
            BestObjective = value;
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

    private bool TryAdd() => _state.ChosenCount < _maxSites && TryBestFlip(adding: true);

    private bool TryDrop() => TryBestFlip(adding: false);

    /// <summary>
    /// Flips the site whose flip gains most (more than the tolerance): opening one that <see cref="CanOpen"/>
    /// when <paramref name="adding"/>, else closing one that <see cref="CanClose"/>; false when none gains.
    /// </summary>
    private bool TryBestFlip(bool adding)
    {
        var best = -1;
        var bestGain = _eps;
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (adding ? CanOpen(j) : CanClose(j))
            {
                var gain = _state.Delta(j, _penalty);
                if (gain > bestGain)
                {
                    bestGain = gain;
                    best = j;
                }
            }
        }

        if (best < 0)
        {
            return false;
        }

        _state.Flip(best);
        return true;
    }

    /// <summary>Whether site <paramref name="j"/> is closed, allowed, and fits the site limit and the budget.</summary>
    private bool CanOpen(int j) => !_state.IsChosen(j) && Allowed(j) && CanAdd(j);

    /// <summary>Whether site <paramref name="j"/> is open and not fixed.</summary>
    private bool CanClose(int j) => _state.IsChosen(j) && _instance.SiteFlags[j] != SiteFlag.Fixed;

    private bool TrySwap()
    {
        _chosenByDelta.Clear();
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (CanClose(j))
            {
                _chosenByDelta.Add(j);
            }
        }

        if (_chosenByDelta.Count == 0)
        {
            return false;
        }

        _chosenByDelta.Sort((x, y) => _state.Delta(y, _penalty).CompareTo(_state.Delta(x, _penalty)));
        var bestAdd = -1;
        var bestDrop = -1;
        var bestGain = _eps;
        var covers = _instance.SiteCovers;
        var weight = _instance.DemandWeight;
        for (var a = 0; a < _instance.SiteCount; a++)
        {
            if (_state.IsChosen(a) || !Allowed(a))
            {
                continue;
            }

            var addGain = _state.Delta(a, _penalty);

            // demand covered only by b and also by a stays covered after the swap: collect it per b
            foreach (var i in covers[a])
            {
                var b = _state.UniqueCoverer(i);
                if (b >= 0 && _instance.SiteFlags[b] != SiteFlag.Fixed)
                {
                    if (!_mark[b])
                    {
                        _mark[b] = true;
                        _touched.Add(b);
                    }

                    _shared[b] += weight[i];
                }
            }

            foreach (var b in _touched)
            {
                var gain = addGain + _state.Delta(b, _penalty) + ((1 + _penalty) * _shared[b]);
                if (gain > bestGain && FitsSwap(a, b))
                {
                    bestGain = gain;
                    bestAdd = a;
                    bestDrop = b;
                }
            }

            foreach (var b in _chosenByDelta)
            {
                var gain = addGain + _state.Delta(b, _penalty);
                if (gain <= bestGain)
                {
                    break;
                }

                if (!_mark[b] && FitsSwap(a, b))
                {
                    bestGain = gain;
                    bestAdd = a;
                    bestDrop = b;
                    break;
                }
            }

            foreach (var b in _touched)
            {
                _shared[b] = 0;
                _mark[b] = false;
            }

            _touched.Clear();
        }

        if (bestAdd < 0)
        {
            return false;
        }

        _state.Flip(bestAdd);
        _state.Flip(bestDrop);
        return true;
    }

    private bool FitsSwap(int add, int drop) =>
        _state.Cost - _instance.SiteCost[drop] + _instance.SiteCost[add] <= _budget;
}
