namespace Quanet.Planning.Reporting;

/// <summary>A section of the HTML plan report (other areas add theirs, e.g. backhaul or security).</summary>
public interface IReportSection
{
    /// <summary>Heading of the section.</summary>
    string Title { get; }

    /// <summary>Writes the section body as HTML (escape any text with <see cref="Html.Escape"/>; no external references).</summary>
    void WriteHtml(TextWriter writer);
}
