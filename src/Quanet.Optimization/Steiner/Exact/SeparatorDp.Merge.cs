using Mask = System.UInt128;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>The split step of <see cref="SeparatorDp"/>.</summary>
internal sealed partial class SeparatorDp
{
    /// <summary>The split step: merges the new pairs with those of the smaller disjoint subsets at the same node.</summary>
    private void Merge(Mask mask, int size, int first)
    {
        _stamp++;
        for (var e = first; e < _entries; e++)
        {
            _mine[_node[e]] = _stamp;
            _entryOf[_node[e]] = e;
        }

        Span<ulong> signature = stackalloc ulong[SubsetTrie.Words];
        for (var e = first; e < _entries; e++)
        {
            SubsetTrie.Sign(signature, _region[_node[e]]);
        }

        _disjoint.Clear();
        _small.Disjoint(mask, signature, _disjoint);
        foreach (var set in _disjoint)
        {
            var otherSize = (int)Mask.PopCount(_setMask[set]);
            if ((2 * size) + otherSize > _k)
            {
                continue;
            }

            Dictionary<int, Pending>? at = null;
            var union = mask | _setMask[set];
            for (var other = _setStart[set]; other < _setStart[set + 1]; other++)
            {
                var v = _node[other];
                if (_mine[v] != _stamp)
                {
                    continue;
                }

                var e = _entryOf[v];
                var total = _cost[e] + _cost[other];
                if (total + FarthestOutside(v, union) >= _upper)
                {
                    continue;
                }

                at ??= Union(union, size + otherSize);
                var known = at.TryGetValue(v, out var pending);
                if (known && pending.Cost <= total)
                {
                    continue;
                }

                _pendingCount += known ? 0 : 1;
                at[v] = new Pending(total, e, other);
            }
        }
    }

    /// <summary>The pending pairs of <paramref name="union"/>, made (and queued when small enough) if new.</summary>
    private Dictionary<int, Pending> Union(Mask union, int size)
    {
        if (!_pending.TryGetValue(union, out var at))
        {
            at = [];
            _pending[union] = at;
            if (2 * size <= _k)
            {
                _bySize[size].Add(union);
            }
        }

        return at;
    }
}
