using Mask = System.UInt128;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>
/// Terminal subsets (bit masks of up to 128 terminals) in a compressed binary trie over their bits (a node branches
/// only where the subsets below it differ), each node holding the bits that every subset below it shares, so that the
/// subsets disjoint from a given one are found without visiting the many that meet it (a subtree whose shared bits
/// meet it is skipped whole). Each subset also carries a signature of the graph nodes it holds pairs at (the regions of
/// a breadth-first order they fall in, 256 bits: a subset's pairs lie in a ball, so it meets few regions), and each trie node the union of those below it, so that subsets with no node in common with the query are
/// skipped too. For <see cref="SeparatorDp"/>.
/// </summary>
internal sealed class SubsetTrie
{
    /// <summary>Signature length in 64-bit words.</summary>
    public const int Words = 4;

    private const int None = -1;
    private readonly int _bits;
    private int[] _child = new int[2 * 1024];
    private int[] _branch = new int[1024];
    private Mask[] _shared = new Mask[1024];
    private Mask[] _some = new Mask[1024];
    private ulong[] _signature = new ulong[Words * 1024];
    private int[] _value = new int[1024];
    private int _nodes;
    private int _root = None;
    private readonly Stack<int> _stack = new();

    /// <summary>Creates an empty trie over masks of <paramref name="bits"/> bits.</summary>
    public SubsetTrie(int bits) => _bits = bits;

    /// <summary>Trie nodes in use (each about 80 bytes).</summary>
    public int Nodes => _nodes;

    /// <summary>Signature bits: graph nodes are grouped into this many regions.</summary>
    public const int Regions = 64 * Words;

    /// <summary>Sets in <paramref name="signature"/> the bit of <paramref name="region"/> (0 to <see cref="Regions"/> - 1).</summary>
    public static void Sign(Span<ulong> signature, int region) => signature[region >> 6] |= 1UL << (region & 63);

    /// <summary>Adds <paramref name="mask"/> with its <paramref name="value"/> and node signature (each mask once).</summary>
    public void Add(Mask mask, int value, ReadOnlySpan<ulong> signature)
    {
        _root = _root == None ? NewLeaf(mask, value, signature) : Insert(_root, mask, value, signature, 0);
    }

    /// <summary>
    /// Adds to <paramref name="values"/> the values of the masks sharing no bit with <paramref name="mask"/> whose
    /// signature meets <paramref name="signature"/>.
    /// </summary>
    public void Disjoint(Mask mask, ReadOnlySpan<ulong> signature, List<int> values)
    {
        if (_root == None)
        {
            return;
        }

        _stack.Clear();
        _stack.Push(_root);
        while (_stack.TryPop(out var node))
        {
            if ((_shared[node] & mask) != Mask.Zero || !Meets(node, signature))
            {
                continue;
            }

            var branch = _branch[node];
            if (branch == _bits)
            {
                values.Add(_value[node]);
                continue;
            }

            _stack.Push(_child[2 * node]);
            if (((mask >> branch) & Mask.One) == Mask.Zero)
            {
                _stack.Push(_child[(2 * node) + 1]);
            }
        }
    }

    /// <summary>Inserts below <paramref name="node"/>, whose subsets all agree on bits from..branch-1; returns the subtree's root.</summary>
    private int Insert(int node, Mask mask, int value, ReadOnlySpan<ulong> signature, int from)
    {
        var branch = _branch[node];
        var differ = (mask ^ _some[node]) >> from;
        var first = differ == Mask.Zero ? _bits : from + (int)Mask.TrailingZeroCount(differ);
        if (first < branch)
        {
            // the new mask leaves the shared path before this node: a new branch node above it
            var leaf = NewLeaf(mask, value, signature);
            var split = NewNode(first, _shared[node] & mask, _some[node]);
            Or(split, node);
            Or(split, leaf);
            var side = (int)((mask >> first) & Mask.One);
            _child[(2 * split) + side] = leaf;
            _child[(2 * split) + 1 - side] = node;
            return split;
        }

        if (branch == _bits)
        {
            _value[node] = value;
            return node;
        }

        _shared[node] &= mask;
        OrSignature(node, signature);
        var down = (int)((mask >> branch) & Mask.One);
        var child = Insert(_child[(2 * node) + down], mask, value, signature, branch + 1);
        _child[(2 * node) + down] = child;
        return node;
    }

    private int NewLeaf(Mask mask, int value, ReadOnlySpan<ulong> signature)
    {
        var leaf = NewNode(_bits, mask, mask);
        _value[leaf] = value;
        OrSignature(leaf, signature);
        return leaf;
    }

    private int NewNode(int branch, Mask shared, Mask some)
    {
        if (_nodes == _shared.Length)
        {
            var size = _nodes * 2;
            Array.Resize(ref _shared, size);
            Array.Resize(ref _some, size);
            Array.Resize(ref _branch, size);
            Array.Resize(ref _value, size);
            Array.Resize(ref _child, 2 * size);
            Array.Resize(ref _signature, Words * size);
        }

        _branch[_nodes] = branch;
        _shared[_nodes] = shared;
        _some[_nodes] = some;
        _value[_nodes] = None;
        _child[2 * _nodes] = None;
        _child[(2 * _nodes) + 1] = None;
        return _nodes++;
    }

    private void Or(int node, int from) => OrSignature(node, _signature.AsSpan(from * Words, Words));

    private void OrSignature(int node, ReadOnlySpan<ulong> signature)
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
}
