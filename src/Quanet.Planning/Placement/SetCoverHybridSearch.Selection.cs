namespace Quanet.Planning.Placement;

/// <summary>
/// The selection facet: which chosen columns a round frees and which unchosen columns it offers instead. Two selectors
/// alternate: <c>cover-neighbourhood</c> frees up to <see cref="MaxFreed"/> chosen columns met breadth first from a
/// random chosen one over shared rows; <c>cover-costliest</c> frees the chosen columns dearest per row only they cover
/// (randomised). Either way the offered columns are the unchosen ones that cover a row the freed columns leave
/// uncovered, cheapest Lagrangian reduced cost first (multipliers from <see cref="SetCoverLagrangian"/>, computed once
/// at the start), up to the sub-size.
/// </summary>
internal sealed partial class SetCoverHybridSearch
{
    private const int MaxFreed = 24;
    private const int LagrangianPhases = 3;
    private int[] _freedStamp = [];
    private int[] _freedCount = [];
    private readonly int[] _columnStamp;
    private readonly int[] _rowStamp;
    private readonly List<int> _candidates = [];
    private readonly List<int> _chosenFree = [];
    private readonly List<int> _queue = [];
    private double[] _reduced = [];
    private int _stamp;

    // subgradient optimisation of the covering relaxation for a fixed number of phases (no clock: the same
    // multipliers for a seed whatever the load); its covers are discarded, the start stays the greedy one
    private double[] ReducedCosts(int seed, TimeProvider clock, CancellationToken cancellationToken)
    {
        var lagrangian = new SetCoverLagrangian(_instance, _index);
        lagrangian.Run(new SearchClock(clock, TimeSpan.MaxValue), new Random(seed), LagrangianPhases, cancellationToken);
        return lagrangian.ReducedCosts();
    }

    // fills freed (chosen columns to free), free (freed first unless the move is forced, then the offered columns) and
    // uncovered (the rows the freed columns leave uncovered); true when the move is forced (the freed columns are not
    // offered back: asked for and every uncovered row has an offer). Needs a chosen free column (HasChosenFree).
    private bool Select(int selector, List<int> freed, List<int> free, List<int> uncovered, bool exclude)
    {
        freed.Clear();
        free.Clear();
        uncovered.Clear();
        _chosenFree.Clear();
        for (var j = 0; j < _chosen.Length; j++)
        {
            if (_chosen[j] && _instance.SiteFlags[j] == SiteFlag.Free)
            {
                _chosenFree.Add(j);
            }
        }

        if (_chosenFree.Count == 0 || _subSize < 2)
        {
            return false;
        }

        if (_freedStamp.Length == 0)
        {
            _freedStamp = new int[_instance.DemandCount];
            _freedCount = new int[_instance.DemandCount];
        }

        var r = 1 + _random.Next(Math.Min(Math.Min(MaxFreed, Math.Max(1, _subSize / 2)), _chosenFree.Count));
        _stamp++;
        if (selector == 0)
        {
            Around(_chosenFree[_random.Next(_chosenFree.Count)], r, freed);
        }
        else
        {
            Costliest(r, freed);
        }

        foreach (var j in freed)
        {
            Flip(j);
        }

        // rows left uncovered, and every unchosen column covering one of them, by reduced cost
        _candidates.Clear();
        foreach (var j in freed)
        {
            foreach (var i in _instance.SiteCovers[j])
            {
                if (!_active[i] || _count[i] > 0 || _rowStamp[i] == _stamp)
                {
                    continue;
                }

                _rowStamp[i] = _stamp;
                uncovered.Add(i);
                foreach (var k in _index.SitesOf(i))
                {
                    if (!_chosen[k] && _columnStamp[k] != _stamp && _instance.SiteFlags[k] == SiteFlag.Free)
                    {
                        _columnStamp[k] = _stamp;
                        _candidates.Add(k);
                    }
                }
            }
        }

        foreach (var j in freed)
        {
            Flip(j);
        }

        var pool = _candidates.ToArray();
        var keys = new double[pool.Length];
        for (var p = 0; p < pool.Length; p++)
        {
            keys[p] = _reduced[pool[p]] + (1e-6 * _random.NextDouble());
        }

        Array.Sort(keys, pool);
        // a forced move needs an offer for every uncovered row; otherwise the freed columns stay offered
        exclude &= CoversAll(pool, uncovered);
        if (!exclude)
        {
            free.AddRange(freed);
        }

        for (var p = 0; p < pool.Length && free.Count < _subSize; p++)
        {
            free.Add(pool[p]);
        }

        return exclude;
    }

    // whether some chosen column may be freed (and a subproblem has room for more than one column)
    private bool HasChosenFree()
    {
        if (_subSize < 2)
        {
            return false;
        }

        for (var j = 0; j < _chosen.Length; j++)
        {
            if (_chosen[j] && _instance.SiteFlags[j] == SiteFlag.Free)
            {
                return true;
            }
        }

        return false;
    }

    // whether the first offers (as many as the sub-size takes) cover every uncovered row
    private bool CoversAll(int[] pool, List<int> uncovered)
    {
        _stamp++;
        for (var p = 0; p < pool.Length && p < _subSize; p++)
        {
            foreach (var i in _instance.SiteCovers[pool[p]])
            {
                _rowStamp[i] = _stamp;
            }
        }

        foreach (var i in uncovered)
        {
            if (_rowStamp[i] != _stamp)
            {
                return false;
            }
        }

        return true;
    }

    // breadth first from a chosen column over shared rows: the first r chosen free columns met (the start included)
    private void Around(int center, int r, List<int> freed)
    {
        _queue.Clear();
        _queue.Add(center);
        _columnStamp[center] = _stamp;
        TryFree(center);
        freed.Add(center);
        for (var head = 0; head < _queue.Count && freed.Count < r; head++)
        {
            foreach (var i in _instance.SiteCovers[_queue[head]])
            {
                foreach (var k in _index.SitesOf(i))
                {
                    if (_columnStamp[k] == _stamp || !_chosen[k])
                    {
                        continue;
                    }

                    _columnStamp[k] = _stamp;
                    _queue.Add(k);
                    if (freed.Count < r && _instance.SiteFlags[k] == SiteFlag.Free && TryFree(k))
                    {
                        freed.Add(k);
                    }
                }
            }
        }
    }

    // r chosen free columns with the largest cost per row only they cover, each key scaled by a random factor in [0.5, 1.5)
    private void Costliest(int r, List<int> freed)
    {
        var columns = _chosenFree.ToArray();
        var keys = new double[columns.Length];
        for (var p = 0; p < columns.Length; p++)
        {
            var unique = 0;
            foreach (var i in _instance.SiteCovers[columns[p]])
            {
                if (_active[i] && _count[i] == 1)
                {
                    unique++;
                }
            }

            keys[p] = -_instance.SiteCost[columns[p]] / (unique == 0 ? 0.1 : unique) * (0.5 + _random.NextDouble());
        }

        Array.Sort(keys, columns);
        for (var p = 0; p < columns.Length && freed.Count < r; p++)
        {
            if (TryFree(columns[p]))
            {
                freed.Add(columns[p]);
                _columnStamp[columns[p]] = _stamp;
            }
        }
    }

    // whether column j can join the freed set without a row covered by three freed columns (then the freed set's
    // own sub-state is charged its exact cost, and any feasible answer of lower sub-energy is a cheaper cover); counts it in when so
    private bool TryFree(int j)
    {
        foreach (var i in _instance.SiteCovers[j])
        {
            if (_freedStamp[i] == _stamp && _freedCount[i] >= 2)
            {
                return false;
            }
        }

        foreach (var i in _instance.SiteCovers[j])
        {
            if (_freedStamp[i] != _stamp)
            {
                _freedStamp[i] = _stamp;
                _freedCount[i] = 0;
            }

            _freedCount[i]++;
        }

        return true;
    }
}
