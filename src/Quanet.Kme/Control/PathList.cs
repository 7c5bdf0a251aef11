namespace Quanet.Kme.Control;

/// <summary>The controller's answer to <c>GET /qkd/v1/paths</c>: relay paths best first.</summary>
internal sealed class PathList
{
    /// <summary>First KME.</summary>
    public string From { get; set; } = "";

    /// <summary>Last KME.</summary>
    public string To { get; set; } = "";

    /// <summary>The paths, best first (widest bottleneck, then fewest hops), over links that are up.</summary>
    public List<PathEntry> Paths { get; set; } = [];
}
