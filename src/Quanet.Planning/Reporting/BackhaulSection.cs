using System.Globalization;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Reporting;

/// <summary>The report section summarising the fibre backhaul.</summary>
/// <param name="design">The backhaul design.</param>
public sealed class BackhaulSection(BackhaulDesign design) : IReportSection
{
    /// <inheritdoc/>
    public string Title => "Fibre backhaul";

    /// <inheritdoc/>
    public void WriteHtml(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(Html.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{design.Links.Count} links, {design.TotalLengthKm:F1} km, cost {design.TotalCost:F1} (lower bound {design.LowerBound:F1}{(design.Optimal ? ", proven optimal" : "")}); {design.PopsUsed} PoPs used, at most {design.MaxHops} hops from a site to a PoP.")));
    }
}
