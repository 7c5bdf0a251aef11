
namespace Quanet.Planning.Reporting;

/// <summary>Writes a <see cref="PlanReport"/> as one self-contained HTML file: inline CSS and SVG, no scripts, no external requests.</summary>
public static class HtmlReportWriter
{
    private const double MapWidth = 960;

    private const string Css = """
        :root { --ink:#1d2733; --muted:#5b6776; --line:#d8dee6; --accent:#1f5f99; }
        * { box-sizing:border-box; }
        body { margin:0; font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif; color:var(--ink); background:#f5f7fa; }
        header { background:#14212e; color:#fff; padding:18px 28px; }
        header h1 { margin:0; font-size:21px; font-weight:600; }
        header p { margin:4px 0 0; color:#b8c4d0; font-size:13px; }
        main { max-width:1240px; margin:0 auto; padding:20px 28px 40px; }
        section { background:#fff; border:1px solid var(--line); border-radius:6px; padding:16px 20px; margin:0 0 18px; }
        h2 { margin:0 0 12px; font-size:16px; color:var(--accent); }
        .cards { display:flex; gap:12px; flex-wrap:wrap; margin-bottom:12px; }
        .card { flex:1 1 200px; border:1px solid var(--line); border-radius:6px; padding:10px 14px; background:#fbfcfd; }
        .card .label { color:var(--muted); font-size:12px; text-transform:uppercase; letter-spacing:.04em; }
        .card .value { font-size:26px; font-weight:600; }
        .card .note { color:var(--muted); font-size:12px; }
        table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
        th, td { text-align:left; padding:5px 8px; border-bottom:1px solid var(--line); }
        th { background:#eef2f6; font-weight:600; }
        table.kv thead { display:none; }
        table.kv td:first-child { color:var(--muted); width:260px; }
        .mapwrap { display:flex; gap:16px; align-items:flex-start; }
        svg.map { background:#dbe7f1; border:1px solid var(--line); border-radius:4px; flex:1 1 auto; min-width:0; width:100%; height:auto; }
        .region { fill:#f7f4ec; stroke:#6d7a86; stroke-width:1.2; }
        .coverage { fill:#2f7fc1; fill-opacity:.16; stroke:#2f7fc1; stroke-opacity:.55; stroke-width:.8; }
        .covered { fill:#1a9850; fill-opacity:.8; stroke:#0d5c30; stroke-width:.4; }
        .uncovered { fill:#d73027; fill-opacity:.75; stroke:#8c1b14; stroke-width:.4; }
        .site { fill:#14212e; stroke:#fff; stroke-width:1; }
        .label { font-size:10.5px; fill:#14212e; paint-order:stroke; stroke:#fff; stroke-width:3px; stroke-linejoin:round; }
        .legend { flex:0 0 210px; font-size:13px; }
        .legend div { display:flex; align-items:center; gap:8px; margin:4px 0; }
        .scale line { stroke:#14212e; stroke-width:2; }
        .scale text { font-size:11px; fill:#14212e; }
        footer { color:var(--muted); font-size:12px; margin-top:8px; }
        """;

    /// <summary>Writes the report.</summary>
    public static void Write(PlanReport report, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(writer);
        var plan = report.Plan;
        var region = plan.Scenario.Region;
        var map = new SvgMap(region.Projection, region.ProjectedOutline.EnvelopeInternal, MapWidth);
        var layers = new List<IMapLayer>(report.Layers);
        layers.Sort((a, b) => a.Order.CompareTo(b.Order));
        foreach (var layer in layers)
        {
            layer.Draw(map);
        }

        writer.WriteLine("<!DOCTYPE html>");
        writer.WriteLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        writer.WriteLine("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        writer.WriteLine($"<title>{Html.Escape(report.Title)}</title>");
        writer.WriteLine($"<style>{Css}</style></head><body>");
        writer.WriteLine($"<header><h1>{Html.Escape(report.Title)}</h1><p>{Html.Escape(Subtitle(report))}</p></header><main>");

        writer.WriteLine("<section><h2>Coverage map</h2><div class=\"mapwrap\">");
        writer.WriteLine($"<svg class=\"map\" viewBox=\"0 0 {SvgMap.F(map.Width)} {SvgMap.F(map.Height)}\" width=\"{SvgMap.F(map.Width)}\" height=\"{SvgMap.F(map.Height)}\" role=\"img\" aria-label=\"coverage map\">");
        writer.Write(map.Content);
        ScaleBar(writer, map);
        writer.WriteLine("</svg><div class=\"legend\">");
        foreach (var layer in layers)
        {
            if (layer.LegendSwatch is { } swatch)
            {
                writer.WriteLine($"<div><svg width=\"16\" height=\"16\" viewBox=\"0 0 16 16\">{swatch}</svg>{Html.Escape(layer.Name)}</div>");
            }
        }

        writer.WriteLine("<div style=\"color:#5b6776;font-size:12px;display:block\">Dot area is proportional to population; hover a dot or mast for details. Map: azimuthal equidistant projection centred on the region.</div>");
        writer.WriteLine("</div></div></section>");

        foreach (var section in report.Sections)
        {
            writer.WriteLine($"<section><h2>{Html.Escape(section.Title)}</h2>");
            section.WriteHtml(writer);
            writer.WriteLine("</section>");
        }

        writer.WriteLine("<footer>Generated by quanet plan. Places: GeoNames (CC-BY 4.0). Outlines: Natural Earth (public domain).</footer>");
        writer.WriteLine("</main></body></html>");
    }

    private static string Subtitle(PlanReport report)
    {
        var s = report.Plan.Scenario;
        return $"{s.Request.BandMegahertz:0.#} MHz, {s.Model.Name}, MAPL {s.MaximumPathLoss.Value:0.0} dB, solver {report.Plan.Result.Solver}";
    }

    private static void ScaleBar(TextWriter writer, SvgMap map)
    {
        // a round length close to a fifth of the map width
        var target = map.Width / 5 / map.Scale;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var length = target / magnitude >= 5 ? 5 * magnitude : target / magnitude >= 2 ? 2 * magnitude : magnitude;
        var px = length * map.Scale;
        var x0 = 16.0;
        var y0 = map.Height - 18;
        writer.WriteLine($"<g class=\"scale\"><line x1=\"{SvgMap.F(x0)}\" y1=\"{SvgMap.F(y0)}\" x2=\"{SvgMap.F(x0 + px)}\" y2=\"{SvgMap.F(y0)}\"/><text x=\"{SvgMap.F(x0)}\" y=\"{SvgMap.F(y0 - 5)}\">{length / 1000:0.#} km</text></g>");
    }
}
