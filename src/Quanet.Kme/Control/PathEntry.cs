namespace Quanet.Kme.Control;

/// <summary>One path of a <see cref="PathList"/>.</summary>
internal sealed class PathEntry
{
    /// <summary>The KMEs from first to last.</summary>
    public List<string> Nodes { get; set; } = [];

    /// <summary>Links on the path.</summary>
    public int Hops { get; set; }

    /// <summary>The narrowest link's pool level in 256-bit blocks, in the direction of travel.</summary>
    public long BottleneckBlocks { get; set; }
}
