namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Known special distances of vertex pairs: an open-addressing hash table (linear
/// probing, one array of entries, so a lookup reads one cache line where a <see cref="Dictionary{TKey,TValue}"/> reads
/// three), for the tens of millions of lookups of an <see cref="ExtendedStarTest"/> pass.
/// </summary>
internal sealed class DistanceCache
{
    private Entry[] _entries = new Entry[1 << 12];
    private int _count;
    private int _shift = 64 - 12;

    /// <summary>Forgets every pair.</summary>
    public void Clear()
    {
        Array.Clear(_entries);
        _count = 0;
    }

    /// <summary>The value stored for <paramref name="key"/> (not negative), if any.</summary>
    public bool TryGet(long key, out long value)
    {
        var entries = _entries;
        var mask = entries.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            ref var entry = ref entries[i];
            if (entry.Key == key + 1)
            {
                value = entry.Value;
                return true;
            }

            if (entry.Key == 0)
            {
                value = 0;
                return false;
            }
        }
    }

    /// <summary>Stores (or replaces) the value of <paramref name="key"/> (not negative).</summary>
    public void Set(long key, long value)
    {
        if (2 * (_count + 1) > _entries.Length)
        {
            Grow();
        }

        var mask = _entries.Length - 1;
        for (var i = Slot(key); ; i = (i + 1) & mask)
        {
            ref var entry = ref _entries[i];
            if (entry.Key == 0)
            {
                _count++;
            }
            else if (entry.Key != key + 1)
            {
                continue;
            }

            entry = new Entry(key + 1, value);
            return;
        }
    }

    // Fibonacci hashing: the top bits of the key times 2^64 / golden ratio
    private int Slot(long key) => (int)((ulong)key * 0x9E3779B97F4A7C15UL >> _shift);

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        _shift--;
        _count = 0;
        foreach (var entry in old)
        {
            if (entry.Key != 0)
            {
                Set(entry.Key - 1, entry.Value);
            }
        }
    }

    // Key is the pair's key plus one, so that 0 marks an empty slot
    private readonly record struct Entry(long Key, long Value);
}
