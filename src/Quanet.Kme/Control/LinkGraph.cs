namespace Quanet.Kme.Control;

/// <summary>
/// A directed graph of KMEs whose edges carry a width: the pool level (256-bit blocks) the sending KME may use on
/// that link. A QKD link is two edges, one per direction, since each end reports the share of the pool it owns.
/// </summary>
internal sealed class LinkGraph
{
    private readonly SortedDictionary<string, SortedDictionary<string, long>> _out = new(StringComparer.Ordinal);

    /// <summary>Adds (or replaces) the edge <paramref name="from"/> to <paramref name="to"/> of width <paramref name="width"/> blocks.</summary>
    public void Add(string from, string to, long width)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(width);
        Edges(from)[to] = width;
        Edges(to);
    }

    /// <summary>Adds both directions of a link with the given widths.</summary>
    public void AddLink(string a, string b, long widthAb, long widthBa)
    {
        Add(a, b, widthAb);
        Add(b, a, widthBa);
    }

    /// <summary>Whether <paramref name="node"/> is in the graph.</summary>
    public bool Contains(string node) => _out.ContainsKey(node);

    /// <summary>The edges leaving <paramref name="node"/>, by neighbour in ordinal order (empty for an unknown node).</summary>
    public IReadOnlyDictionary<string, long> Out(string node) =>
        _out.TryGetValue(node, out var edges) ? edges : (IReadOnlyDictionary<string, long>)new Dictionary<string, long>();

    /// <summary>The width of the edge <paramref name="from"/> to <paramref name="to"/>.</summary>
    /// <exception cref="KeyNotFoundException">There is no such edge.</exception>
    public long Width(string from, string to) => _out[from][to];

    private SortedDictionary<string, long> Edges(string node)
    {
        if (!_out.TryGetValue(node, out var edges))
        {
            _out[node] = edges = new SortedDictionary<string, long>(StringComparer.Ordinal);
        }

        return edges;
    }
}
