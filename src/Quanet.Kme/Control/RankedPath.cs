namespace Quanet.Kme.Control;

/// <summary>A relay path with its bottleneck: the smallest pool level (blocks) of its links in the direction of travel.</summary>
/// <param name="Nodes">The KMEs from first to last, both included.</param>
/// <param name="BottleneckBlocks">The narrowest link's pool level in 256-bit blocks.</param>
internal sealed record RankedPath(IReadOnlyList<string> Nodes, long BottleneckBlocks)
{
    /// <summary>Links on the path.</summary>
    public int Hops => Nodes.Count - 1;

    /// <summary>The path as <c>A&gt;B&gt;C</c>: its identity, and the last tie-break of <see cref="Order"/>.</summary>
    public string Key => string.Join('>', Nodes);

    /// <summary>Best first: widest bottleneck, then fewest hops, then ordinal order of <see cref="Key"/>, so that every ranking is deterministic.</summary>
    public static int Order(RankedPath? x, RankedPath? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? 1 : -1;
        }

        return x.BottleneckBlocks != y.BottleneckBlocks ? y.BottleneckBlocks.CompareTo(x.BottleneckBlocks)
            : x.Hops != y.Hops ? x.Hops.CompareTo(y.Hops)
            : string.CompareOrdinal(x.Key, y.Key);
    }
}
