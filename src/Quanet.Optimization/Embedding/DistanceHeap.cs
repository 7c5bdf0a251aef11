namespace Quanet.Optimization.Embedding;

/// <summary>
/// A binary min-heap of (distance, qubit) pairs in two parallel arrays, reused across Dijkstra runs so the hot loop of
/// <see cref="ChainSearch"/> allocates nothing once the arrays have grown. Stale entries are skipped by the caller.
/// </summary>
internal sealed class DistanceHeap
{
    private double[] _keys = new double[256];
    private int[] _items = new int[256];

    public int Count { get; private set; }

    public void Clear() => Count = 0;

    public void Push(int item, double key)
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

    public int Pop(out double key)
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
