namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Open-addressing hash map from non-negative <see cref="long"/> keys to <see cref="long"/> values, linear
/// probing, no deletion but of everything at once; the dynamic programme stores millions of entries, and the extended
/// star test looks up tens of millions of special distances, which a <see cref="Dictionary{TKey, TValue}"/> would make
/// slow and large.
/// </summary>
internal sealed class LongHashMap
{
    private const long Empty = -1;
    private long[] _keys;
    private long[] _values;
    private int _shift;

    public LongHashMap(int capacityPowerOfTwo = 16)
    {
        _keys = new long[1 << capacityPowerOfTwo];
        _values = new long[_keys.Length];
        Array.Fill(_keys, Empty);
        _shift = 64 - capacityPowerOfTwo;
    }

    /// <summary>Number of keys stored.</summary>
    public int Count { get; private set; }

    /// <summary>Approximate bytes held.</summary>
    public long Bytes => 16L * _keys.Length;

    /// <summary>Forgets every key, keeping the capacity.</summary>
    public void Clear()
    {
        Array.Fill(_keys, Empty);
        Count = 0;
    }

    /// <summary>The value of <paramref name="key"/>, or <paramref name="missing"/>.</summary>
    public long Get(long key, long missing)
    {
        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                return _values[i];
            }

            if (k == Empty)
            {
                return missing;
            }

            i = (i + 1) & mask;
        }
    }

    /// <summary>Sets the value of <paramref name="key"/>.</summary>
    public void Set(long key, long value)
    {
        if (2 * (Count + 1) > _keys.Length)
        {
            Grow();
        }

        var mask = _keys.Length - 1;
        var i = Slot(key);
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                _values[i] = value;
                return;
            }

            if (k == Empty)
            {
                _keys[i] = key;
                _values[i] = value;
                Count++;
                return;
            }

            i = (i + 1) & mask;
        }
    }

    private int Slot(long key) => (int)((ulong)(key * unchecked((long)0x9E3779B97F4A7C15UL)) >> _shift);

    private void Grow()
    {
        var keys = _keys;
        var values = _values;
        _keys = new long[keys.Length * 2];
        _values = new long[_keys.Length];
        Array.Fill(_keys, Empty);
        _shift--;
        Count = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            if (keys[i] != Empty)
            {
                Set(keys[i], values[i]);
            }
        }
    }
}
