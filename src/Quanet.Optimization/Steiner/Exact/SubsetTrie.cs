namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Terminal subsets (bit masks of up to 64 terminals) in a binary trie over their bits, each node holding the bits
/// that every subset below it shares, so that the subsets disjoint from a given one are found without visiting the
/// many that meet it (a subtree whose shared bits meet it is skipped whole). Each subset also carries a signature of
/// the nodes it holds pairs at (256 hashed bits), and each trie node the union of those below it, so that subsets with
/// no node in common with the query are skipped too. For <see cref="SeparatorDp"/>.
/// </summary>
internal sealed class SubsetTrie
{
    private const int None = -1;
    private readonly int _bits;
    private int[] _child = new int[2 * 1024];
    /// <summary>Signature length in 64-bit words.</summary>
    public const int Words = 4;

    private ulong[] _shared = new ulong[1024];
    private ulong[] _signature = new ulong[Words * 1024];
    private int[] _value = new int[1024];
    private int _nodes;
    private readonly Stack<(int Node, int Depth)> _stack = new();

    /// <summary>Creates an empty trie over masks of <paramref name="bits"/> bits.</summary>
    public SubsetTrie(int bits)
    {
        _bits = bits;
        NewNode();
    }

    /// <summary>Sets in <paramref name="signature"/> the bit of graph node <paramref name="v"/>.</summary>
    public static void Sign(Span<ulong> signature, int v)
    {
        var bit = (int)(((uint)v * 2_654_435_761u) >> 24);
        signature[bit >> 6] |= 1UL << (bit & 63);
    }

    /// <summary>Adds <paramref name="mask"/> with its <paramref name="value"/> and node signature (each mask once).</summary>
    public void Add(ulong mask, int value, ReadOnlySpan<ulong> signature)
    {
        var node = 0;
        for (var bit = 0; bit < _bits; bit++)
        {
            _shared[node] &= mask;
            Merge(node, signature);
            var side = (int)((mask >> bit) & 1);
            var next = _child[(2 * node) + side];
            if (next == None)
            {
                next = NewNode();
                _child[(2 * node) + side] = next;
            }

            node = next;
        }

        _shared[node] &= mask;
        Merge(node, signature);
        _value[node] = value;
    }

    /// <summary>
    /// Adds to <paramref name="values"/> the values of the masks sharing no bit with <paramref name="mask"/> whose
    /// signature meets <paramref name="signature"/>.
    /// </summary>
    public void Disjoint(ulong mask, ReadOnlySpan<ulong> signature, List<int> values)
    {
        _stack.Clear();
        _stack.Push((0, 0));
        while (_stack.TryPop(out var item))
        {
            var (node, depth) = item;
            if ((_shared[node] & mask) != 0 || !Meets(node, signature))
            {
                continue;
            }

            if (depth == _bits)
            {
                values.Add(_value[node]);
                continue;
            }

            var zero = _child[2 * node];
            if (zero != None)
            {
                _stack.Push((zero, depth + 1));
            }

            var one = _child[(2 * node) + 1];
            if (one != None && ((mask >> depth) & 1) == 0)
            {
                _stack.Push((one, depth + 1));
            }
        }
    }

    private void Merge(int node, ReadOnlySpan<ulong> signature)
    {
        var mine = _signature.AsSpan(node * Words, Words);
        for (var i = 0; i < Words; i++)
        {
            mine[i] |= signature[i];
        }
    }

    private bool Meets(int node, ReadOnlySpan<ulong> signature)
    {
        var mine = _signature.AsSpan(node * Words, Words);
        for (var i = 0; i < Words; i++)
        {
            if ((mine[i] & signature[i]) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private int NewNode()
    {
        if (_nodes == _shared.Length)
        {
            Array.Resize(ref _shared, _nodes * 2);
            Array.Resize(ref _signature, _nodes * 2 * Words);
            Array.Resize(ref _value, _nodes * 2);
            Array.Resize(ref _child, _nodes * 4);
        }

        _shared[_nodes] = ulong.MaxValue;
        _child[2 * _nodes] = None;
        _child[(2 * _nodes) + 1] = None;
        _value[_nodes] = None;
        return _nodes++;
    }
}
