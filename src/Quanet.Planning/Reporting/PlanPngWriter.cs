using Quanet.Planning.Scenario;
using ScottPlot;
using Polygon = NetTopologySuite.Geometries.Polygon;
using SpColor = ScottPlot.Color;

namespace Quanet.Planning.Reporting;

/// <summary>Renders <c>plan.png</c> with ScottPlot: outline, coverage discs, demand (covered or not) and sites, in plane kilometres.</summary>
public static class PlanPngWriter
{
    /// <summary>Saves the map as a PNG <paramref name="width"/> pixels wide; the height follows the region's shape unless given.</summary>
    public static void Save(Plan plan, string path, int width = 1400, int? height = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var s = plan.Scenario;
        var frame = s.Region.ProjectedOutline.EnvelopeInternal;
        var pixels = height ?? (int)Math.Clamp((width - 120) * frame.Height / Math.Max(frame.Width, 1) + 140, 600, 2000);
        var plot = new Plot();
        plot.FigureBackground.Color = SpColor.FromHex("#ffffff");
        plot.DataBackground.Color = SpColor.FromHex("#dbe7f1");

        var outline = s.Region.ProjectedOutline;
        for (var g = 0; g < outline.NumGeometries; g++)
        {
            if (outline.GetGeometryN(g) is Polygon polygon)
            {
                var ring = polygon.ExteriorRing.Coordinates;
                var coords = new Coordinates[ring.Length];
                for (var i = 0; i < ring.Length; i++)
                {
                    coords[i] = new Coordinates(ring[i].X / 1000, ring[i].Y / 1000);
                }

                var poly = plot.Add.Polygon(coords);
                poly.FillColor = SpColor.FromHex("#f7f4ec");
                poly.LineColor = SpColor.FromHex("#6d7a86");
                poly.LineWidth = 1.2f;
            }
        }

        var coverageFill = SpColor.FromHex("#2f7fc1").WithAlpha(0.16);
        var coverageLine = SpColor.FromHex("#2f7fc1").WithAlpha(0.55);
        foreach (var j in plan.Result.Sites)
        {
            var (x, y) = s.Region.Projection.Forward(s.Sites[j].Location);
            var circle = plot.Add.Circle(x / 1000, y / 1000, s.SiteRadius[j] / 1000);
            circle.FillColor = coverageFill;
            circle.LineColor = coverageLine;
            circle.LineWidth = 0.8f;
        }

        AddDemand(plot, plan, covered: false, SpColor.FromHex("#d73027"), "not covered");
        AddDemand(plot, plan, covered: true, SpColor.FromHex("#1a9850"), "covered");

        var sx = new double[plan.Result.Sites.Length];
        var sy = new double[plan.Result.Sites.Length];
        for (var k = 0; k < sx.Length; k++)
        {
            var (x, y) = s.Region.Projection.Forward(s.Sites[plan.Result.Sites[k]].Location);
            sx[k] = x / 1000;
            sy[k] = y / 1000;
        }

        var sites = plot.Add.Markers(sx, sy, MarkerShape.FilledTriangleUp, 11, SpColor.FromHex("#14212e"));
        sites.LegendText = $"site ({sx.Length})";

        var share = plan.TotalWeight > 0 ? plan.CoveredWeight / plan.TotalWeight : 0;
        plot.Title($"{s.Region.Name}: {sx.Length} sites cover {share:P1} of {plan.TotalWeight:N0} people ({s.Request.BandMegahertz:0} MHz, {s.Model.Name}, {plan.Result.Solver})");
        plot.XLabel("east (km)");
        plot.YLabel("north (km)");
        plot.Axes.SquareUnits();
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, width, pixels);
    }

    private static void AddDemand(Plot plot, Plan plan, bool covered, SpColor color, string label)
    {
        var s = plan.Scenario;
        // three size classes by population: villages, towns, cities
        double[] upper = [10_000, 100_000, double.PositiveInfinity];
        float[] size = [4, 8, 14];

        for (var c = 0; c < upper.Length; c++)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            for (var d = 0; d < s.Demand.Count; d++)
            {
                var w = s.Demand[d].Weight;
                if ((plan.ServingSite[d] >= 0) == covered && w < upper[c] && (c == 0 || w >= upper[c - 1]))
                {
                    var (x, y) = s.Region.Projection.Forward(s.Demand[d].Location);
                    xs.Add(x / 1000);
                    ys.Add(y / 1000);
                }
            }

            if (xs.Count > 0)
            {
                var markers = plot.Add.Markers(xs.ToArray(), ys.ToArray(), MarkerShape.FilledCircle, size[c], color.WithAlpha(0.85));
                markers.LegendText = c == 0 ? $"demand {label}" : string.Empty;

            }
        }

    }
}
