namespace Quanet.Kme.Control;

/// <summary>One link in a <see cref="LinkReport"/>.</summary>
internal sealed class LinkReportEntry
{
    /// <summary>The link name <c>A|B</c>.</summary>
    public string Link { get; set; } = "";

    /// <summary>Pool blocks (256 bits each) the reporting KME may spend on this link (its own share, ready).</summary>
    public long UsableBlocks { get; set; }

    /// <summary>Pool blocks the reporting KME holds on this link (either owner, ready or not).</summary>
    public long PoolBlocks { get; set; }

    /// <summary>The link's secret key rate in bits/s, as the key supply produces it.</summary>
    public double RateBitsPerSecond { get; set; }

    /// <summary>The link's quantum bit error rate (0..1) where the supply reports one (a modelled fibre length), else null.</summary>
    public double? Qber { get; set; }
}
