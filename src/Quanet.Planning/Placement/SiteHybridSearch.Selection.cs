namespace Quanet.Planning.Placement;

/// <summary>
/// The selection facet: which chosen sites a round frees and which unchosen sites it offers instead. Two selectors
/// alternate: <c>site-neighbourhood</c> frees up to five chosen sites near a random chosen one (breadth first over
/// sites that share a demand point) and offers the unchosen sites met on the way; <c>site-weakest</c> frees chosen
/// sites that cover least on their own (randomised) and offers the unchosen sites anywhere. Either way the offered
/// sites are the ones that would cover most of what the freed sites leave uncovered (marginal coverage), up to the
/// sub-size.
/// </summary>
internal sealed partial class SiteHybridSearch
{
    private const int MaxFreed = 5;
    private const int MaxDepth = 3;
    private readonly CoverageIndex _index;
    private readonly int[][] _adjacency;
    private readonly int[] _siteStamp;
    private readonly List<int> _pool = [];
    private readonly List<int> _queue = [];
    private readonly List<int> _chosenFree = [];
    private int _stamp;

    // fills freed (chosen sites to free) and free (freed first, then the offered sites); false when nothing can move
    private bool Select(int selector, List<int> freed, List<int> free)
    {
        freed.Clear();
        free.Clear();
        _pool.Clear();
        _chosenFree.Clear();
        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (_state.IsChosen(j) && _instance.SiteFlags[j] == SiteFlag.Free)
            {
                _chosenFree.Add(j);
            }
        }

        if (_chosenFree.Count == 0 || _subSize < 2)
        {
            return false;
        }

        var r = 1 + _random.Next(Math.Min(Math.Min(MaxFreed, Math.Max(1, _subSize / 4)), _chosenFree.Count));
        _stamp++;
        if (selector == 0)
        {
            Around(_chosenFree[_random.Next(_chosenFree.Count)], r, freed);
        }
        else
        {
            Weakest(r, freed);
        }

        // rank the offered sites by what they would cover with the freed sites off
        foreach (var j in freed)
        {
            _state.Flip(j);
        }

        var pool = _pool.ToArray();
        var keys = new double[pool.Length];
        for (var p = 0; p < pool.Length; p++)
        {
            keys[p] = -_state.DeltaCover(pool[p]) + (1e-9 * _random.NextDouble());
        }

        foreach (var j in freed)
        {
            _state.Flip(j);
        }

        Array.Sort(keys, pool);
        free.AddRange(freed);
        for (var p = 0; p < pool.Length && free.Count < _subSize; p++)
        {
            free.Add(pool[p]);
        }

        return free.Count > freed.Count;
    }

    // breadth first from a chosen site over sites sharing a demand point: the first r chosen free sites met are freed,
    // the unchosen ones are offered, until three times the sub-size are met or MaxDepth rings are done
    private void Around(int center, int r, List<int> freed)
    {
        _queue.Clear();
        _queue.Add(center);
        _siteStamp[center] = _stamp;
        freed.Add(center);
        var head = 0;
        for (var depth = 0; depth < MaxDepth && head < _queue.Count; depth++)
        {
            var end = _queue.Count;
            for (; head < end; head++)
            {
                foreach (var k in Adjacent(_queue[head]))
                {
                    if (_siteStamp[k] == _stamp)
                    {
                        continue;
                    }

                    _siteStamp[k] = _stamp;
                    _queue.Add(k);
                    if (_state.IsChosen(k))
                    {
                        if (freed.Count < r && _instance.SiteFlags[k] == SiteFlag.Free)
                        {
                            freed.Add(k);
                        }
                    }
                    else if (_instance.SiteFlags[k] != SiteFlag.Forbidden)
                    {
                        _pool.Add(k);
                    }
                }
            }

            if (freed.Count >= r && _pool.Count >= 3 * _subSize)
            {
                break;
            }
        }
    }

    // r chosen free sites that cover least on their own (their loss scaled by a random factor in [0.5, 1.5)), and
    // every unchosen site that is not forbidden
    private void Weakest(int r, List<int> freed)
    {
        var sites = _chosenFree.ToArray();
        var keys = new double[sites.Length];
        for (var p = 0; p < sites.Length; p++)
        {
            keys[p] = -_state.DeltaCover(sites[p]) * (0.5 + _random.NextDouble());
        }

        Array.Sort(keys, sites);
        for (var p = 0; p < r; p++)
        {
            freed.Add(sites[p]);
        }

        for (var j = 0; j < _instance.SiteCount; j++)
        {
            if (!_state.IsChosen(j) && _instance.SiteFlags[j] != SiteFlag.Forbidden)
            {
                _pool.Add(j);
            }
        }
    }

    // the sites sharing a demand point with site j (computed once per site)
    private int[] Adjacent(int j)
    {
        if (_adjacency[j] is { } known)
        {
            return known;
        }

        var marks = new HashSet<int>();
        foreach (var i in _instance.SiteCovers[j])
        {
            foreach (var k in _index.SitesOf(i))
            {
                if (k != j)
                {
                    marks.Add(k);
                }
            }
        }

        var list = marks.ToArray();
        Array.Sort(list);
        _adjacency[j] = list;
        return list;
    }
}
