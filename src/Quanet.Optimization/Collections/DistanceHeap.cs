using System.Numerics;

namespace Quanet.Optimization.Collections;

/// <summary>
/// A binary min-heap of (distance, item) pairs in two parallel arrays, reused across Dijkstra runs so that a hot loop
/// (the minor embedding's chain search, the Steiner reductions' special-distance searches) allocates nothing once the
/// arrays have grown; faster there than <see cref="PriorityQueue{TElement,TPriority}"/>. Stale entries are skipped by
/// the caller.
/// </summary>
/// <typeparam name="TKey">The distance type.</typeparam>
internal sealed class DistanceHeap<TKey>
    where TKey : IComparisonOperators<TKey, TKey, bool>
{
    private TKey[] _keys = new TKey[256];
    private int[] _items = new int[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(int item, TKey key)
    {
        if (Count == _keys.Length)
        {
            Array.Resize(ref _keys, Count * 2);
            Array.Resize(ref _items, Count * 2);
        }

        var i = Count++;
        while (i > 0)
        {
            var up = (i - 1) >> 1;
            if (_keys[up] <= key)
            {
                break;
            }

            _keys[i] = _keys[up];
            _items[i] = _items[up];
            i = up;
        }

        _keys[i] = key;
        _items[i] = item;
    }

    public int Pop(out TKey key)
    {
        var top = _items[0];
        key = _keys[0];
        var n = --Count;
        if (n > 0)
        {
            var lastKey = _keys[n];
            var lastItem = _items[n];
            var i = 0;
            while (true)
            {
                var child = (2 * i) + 1;
                if (child >= n)
                {
                    break;
                }

                if (child + 1 < n && _keys[child + 1] < _keys[child])
                {
                    child++;
                }

                if (_keys[child] >= lastKey)
                {
                    break;
                }

                _keys[i] = _keys[child];
                _items[i] = _items[child];
                i = child;
            }

            _keys[i] = lastKey;
            _items[i] = lastItem;
        }

        return top;
    }
}
