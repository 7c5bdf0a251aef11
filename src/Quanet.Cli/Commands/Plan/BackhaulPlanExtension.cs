using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Reporting;

namespace Quanet.Cli.Commands.Plan;

/// <summary><c>quanet plan --backhaul</c>: designs the fibre backhaul of the planned sites and adds it to the report.</summary>
internal sealed class BackhaulPlanExtension : IPlanExtension
{
    private readonly Option<bool> _backhaul = new("--backhaul") { Description = "Also design the fibre backhaul (minimum Steiner tree to the largest places as PoPs); writes backhaul.geojson" };
    private readonly Option<int> _pops = new("--backhaul-pops") { Description = "With --backhaul: number of core PoPs, the most populous places (default 3)", DefaultValueFactory = _ => 3 };

    public void AddOptions(Command command)
    {
        command.Options.Add(_backhaul);
        command.Options.Add(_pops);
    }

    public void Apply(CommandContext context, PlanReport report, string outputDirectory, IDictionary<string, object?> json, CancellationToken cancellationToken)
    {
        if (!context.Get(_backhaul))
        {
            return;
        }

        var popCount = context.Get(_pops);
        if (popCount < 1)
        {
            throw new UsageException($"--backhaul-pops must be at least 1, got {popCount}");
        }

        var sites = BackhaulFiles.ReadSites(Path.Combine(outputDirectory, "plan.geojson"));
        var pops = BackhaulFiles.LargestPlaces(BackhaulCommand.PlaceFiles(null), sites, popCount);
        var design = BackhaulDesigner.Design(sites, pops);
        BackhaulFiles.WriteGeoJson(design, Path.Combine(outputDirectory, "backhaul.geojson"));
        report.Layers.Add(new BackhaulLayer(design));
        report.Sections.Add(new BackhaulSection(design));
        json["backhaul"] = new
        {
            links = design.Links.Count,
            total_length_km = design.TotalLengthKm,
            total_cost = design.TotalCost,
            lower_bound = design.LowerBound,
            optimal = design.Optimal,
            pops_used = design.PopsUsed,
            max_hops = design.MaxHops,
        };
    }

    private sealed class BackhaulLayer(BackhaulDesign design) : IMapLayer
    {
        public string Name => "fibre backhaul";

        public int Order => 20;

        public string? LegendSwatch => "<line x1='1' y1='8' x2='15' y2='8' stroke='#8e44ad' stroke-width='2'/>";

        public void Draw(SvgMap map)
        {
            foreach (var link in design.Links)
            {
                var (x1, y1) = map.ToPixel(new Quanet.Planning.Geography.GeoPoint(link.FromLat, link.FromLon));
                var (x2, y2) = map.ToPixel(new Quanet.Planning.Geography.GeoPoint(link.ToLat, link.ToLon));
                map.Append($"<line x1='{SvgMap.F(x1)}' y1='{SvgMap.F(y1)}' x2='{SvgMap.F(x2)}' y2='{SvgMap.F(y2)}' stroke='#8e44ad' stroke-width='{(link.Existing ? 2.5 : 1.5).ToString(CultureInfo.InvariantCulture)}'><title>{Html.Escape($"{link.From} - {link.To}: {link.LengthKm:F1} km")}</title></line>");
            }
        }
    }

    private sealed class BackhaulSection(BackhaulDesign design) : IReportSection
    {
        public string Title => "Fibre backhaul";

        public void WriteHtml(TextWriter writer)
        {
            writer.WriteLine(Html.Escape(string.Create(CultureInfo.InvariantCulture,
                $"{design.Links.Count} links, {design.TotalLengthKm:F1} km, cost {design.TotalCost:F1} (lower bound {design.LowerBound:F1}{(design.Optimal ? ", proven optimal" : "")}); {design.PopsUsed} PoPs used, at most {design.MaxHops} hops from a site to a PoP.")));
        }
    }
}
