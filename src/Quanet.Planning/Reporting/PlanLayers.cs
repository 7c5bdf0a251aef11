using Quanet.Planning.Scenario;

namespace Quanet.Planning.Reporting;

/// <summary>The region outline.</summary>
internal sealed class RegionLayer(Plan plan) : IMapLayer
{
    public string Name => "Region";

    public int Order => 0;

    public string? LegendSwatch => "<rect x=\"1\" y=\"3\" width=\"14\" height=\"10\" class=\"region\"/>";

    public void Draw(SvgMap map) => map.Path(plan.Scenario.Region.ProjectedOutline, "region");
}

/// <summary>The coverage disc of every chosen site.</summary>
internal sealed class CoverageLayer(Plan plan) : IMapLayer
{
    public string Name => "Coverage (cell edge at the MAPL)";

    public int Order => 10;

    public string? LegendSwatch => "<circle cx=\"8\" cy=\"8\" r=\"7\" class=\"coverage\"/>";

    public void Draw(SvgMap map)
    {
        map.Append("<g>");
        foreach (var s in plan.Result.Sites)
        {
            map.CircleMetres(plan.Scenario.Sites[s].Location, plan.Scenario.SiteRadius[s], "coverage");
        }

        map.Append("</g>");
    }
}

/// <summary>Demand points sized by population, coloured by coverage.</summary>
internal sealed class DemandLayer(Plan plan, bool covered) : IMapLayer
{
    public string Name => covered ? "Demand covered" : "Demand not covered";

    public int Order => covered ? 31 : 30;

    public string? LegendSwatch => $"<circle cx=\"8\" cy=\"8\" r=\"5\" class=\"{Css}\"/>";

    private string Css => covered ? "covered" : "uncovered";

    public void Draw(SvgMap map)
    {
        var demand = plan.Scenario.Demand;
        map.Append("<g>");
        for (var d = 0; d < demand.Count; d++)
        {
            if ((plan.ServingSite[d] >= 0) != covered)
            {
                continue;
            }

            var radius = Math.Clamp(0.9 * Math.Sqrt(demand[d].Weight / 1000.0), 1.1, 16);
            map.Circle(demand[d].Location, radius, Css, $"{demand[d].Name}: {Html.Number(demand[d].Weight)}");
        }

        map.Append("</g>");
    }
}

/// <summary>The chosen sites as mast triangles, the ten busiest labelled.</summary>
internal sealed class SiteLayer(Plan plan) : IMapLayer
{
    public string Name => "Site";

    public int Order => 40;

    public string? LegendSwatch => "<path class=\"site\" d=\"M8,2L14,14L2,14Z\"/>";

    public void Draw(SvgMap map)
    {
        var sites = plan.Scenario.Sites;
        var busiest = new List<int>(plan.Result.Sites);
        busiest.Sort((a, b) => plan.SitePopulation[b].CompareTo(plan.SitePopulation[a]));
        var labelled = new HashSet<int>(busiest.GetRange(0, Math.Min(10, busiest.Count)));
        map.Append("<g>");
        foreach (var s in plan.Result.Sites)
        {
            var (x, y) = map.ToPixel(sites[s].Location);
            var title = Html.Escape($"{sites[s].Name} near {plan.AnchorName(s)}: serves {Html.Number(plan.SitePopulation[s])}, radius {plan.Scenario.SiteRadius[s] / 1000:0.0} km");
            map.Append($"<path class=\"site\" d=\"M{SvgMap.F(x)},{SvgMap.F(y - 6)}l5,9h-10z\"><title>{title}</title></path>");
            if (labelled.Contains(s))
            {
                map.Append($"<text class=\"label\" x=\"{SvgMap.F(x + 6)}\" y=\"{SvgMap.F(y - 4)}\">{Html.Escape(plan.AnchorName(s))} · {Html.Escape(Html.Number(plan.SitePopulation[s]))}</text>");
            }
        }

        map.Append("</g>");
    }
}
