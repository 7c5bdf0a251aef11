namespace Quanet.Kme.Control;

/// <summary>What the controller knows of one QKD link: each end's last report and the failures reported on it.</summary>
internal sealed class LinkState(string name, string a, string b)
{
    /// <summary>The link name <c>A|B</c> (A the ordinally smaller KME ID).</summary>
    public string Name { get; } = name;

    public string A { get; } = a;

    public string B { get; } = b;

    /// <summary>The last report of end A, or null before the first.</summary>
    public LinkReportEntry? FromA { get; set; }

    /// <summary>The last report of end B, or null before the first.</summary>
    public LinkReportEntry? FromB { get; set; }

    /// <summary>Timestamp (of the controller's clock) until which a reported failure keeps the link down.</summary>
    public long DownUntil { get; set; }

    /// <summary>Failures reported on this link since the controller started.</summary>
    public long Failures { get; set; }

    /// <summary>The report of end <paramref name="kme"/>.</summary>
    public LinkReportEntry? From(string kme) => kme == A ? FromA : FromB;
}
