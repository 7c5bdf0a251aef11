namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// A value per terminal subset (bit mask): a plain array while 2^bits is small, a hash map beyond.
/// Missing entries read as <c>missing</c>.
/// </summary>
internal sealed class SubsetTable
{
    private const int MaxDirectBits = 22;
    private readonly long[]? _direct;
    private readonly LongHashMap? _map;
    private readonly long _missing;

    public SubsetTable(int bits, long missing)
    {
        _missing = missing;
        if (bits <= MaxDirectBits)
        {
            _direct = new long[1 << bits];
            Array.Fill(_direct, missing);
        }
        else
        {
            _map = new LongHashMap(16);
        }
    }

    public long Get(long set) => _direct is { } direct ? direct[set] : _map!.Get(set, _missing);

    public void Set(long set, long value)
    {
        if (_direct is { } direct)
        {
            direct[set] = value;
        }
        else
        {
            _map!.Set(set, value);
        }
    }
}
