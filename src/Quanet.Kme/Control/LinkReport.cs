namespace Quanet.Kme.Control;

/// <summary>A KME's periodic report to the controller: the state of each of its links as this KME sees it.</summary>
internal sealed class LinkReport
{
    /// <summary>One entry per link of the reporting KME.</summary>
    public List<LinkReportEntry> Links { get; set; } = [];
}
