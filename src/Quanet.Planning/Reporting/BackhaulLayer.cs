using System.Globalization;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Reporting;

/// <summary>The fibre backhaul on the report map: one line per link, existing fibre drawn thicker.</summary>
/// <param name="design">The backhaul design.</param>
public sealed class BackhaulLayer(BackhaulDesign design) : IMapLayer
{
    /// <inheritdoc/>
    public string Name => "fibre backhaul";

    /// <inheritdoc/>
    public int Order => 20;

    /// <inheritdoc/>
    public string? LegendSwatch => "<line x1='1' y1='8' x2='15' y2='8' stroke='#8e44ad' stroke-width='2'/>";

    /// <inheritdoc/>
    public void Draw(SvgMap map)
    {
        ArgumentNullException.ThrowIfNull(map);
        foreach (var link in design.Links)
        {
            var (x1, y1) = map.ToPixel(new GeoPoint(link.FromLat, link.FromLon));
            var (x2, y2) = map.ToPixel(new GeoPoint(link.ToLat, link.ToLon));
            map.Append($"<line x1='{SvgMap.F(x1)}' y1='{SvgMap.F(y1)}' x2='{SvgMap.F(x2)}' y2='{SvgMap.F(y2)}' stroke='#8e44ad' stroke-width='{(link.Existing ? 2.5 : 1.5).ToString(CultureInfo.InvariantCulture)}'><title>{Html.Escape($"{link.From} - {link.To}: {link.LengthKm:F1} km")}</title></line>");
        }
    }
}
