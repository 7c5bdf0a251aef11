using System.Globalization;
using Quanet.Core.Units;
using Quanet.Planning.Placement;
using Quanet.Planning.Radio;
using Quanet.Planning.Scenario;

namespace Quanet.Planning.Reporting;

/// <summary>Headline figures of the plan.</summary>
internal sealed class SummarySection(Plan plan) : IReportSection
{
    public string Title => "Summary";

    public void WriteHtml(TextWriter writer)
    {
        var s = plan.Scenario;
        var r = plan.Result;
        var share = plan.TotalWeight > 0 ? plan.CoveredWeight / plan.TotalWeight : 0;
        writer.Write("<div class=\"cards\">");
        Card(writer, "Population covered", share.ToString("P1", CultureInfo.InvariantCulture), $"{Html.Number(plan.CoveredWeight)} of {Html.Number(plan.TotalWeight)}");
        Card(writer, "Sites", r.Sites.Length.ToString(CultureInfo.InvariantCulture), $"of {Html.Number(s.Instance.SiteCount)} candidates, cost {Html.Number(r.Cost, 1)}");
        Card(writer, "Gap to bound", r.Gap is { } g ? g.ToString("P2", CultureInfo.InvariantCulture) : "n/a", r.Bound is { } b ? $"bound {Html.Number(b)}" + (r.Optimal ? ", optimal" : string.Empty) : "no bound");
        Card(writer, "Cell radius", $"{s.SiteRadius[r.Sites.Length > 0 ? r.Sites[0] : 0] / 1000:0.0} km", $"{s.Model.Name} at {s.Request.BandMegahertz:0.#} MHz");
        writer.WriteLine("</div>");
        writer.WriteLine($"<p class=\"note\">{Html.Escape(s.Terrain.Text)}{(s.Terrain.Dem is null ? string.Empty : "; coverage circles show the flat-earth radius, the coverage counted excludes the shadowed pairs")}</p>");
        foreach (var warning in s.Warnings)
        {
            writer.WriteLine($"<p class=\"warning\">Warning: {Html.Escape(warning)}</p>");
        }

        Html.Table(writer, ["", ""],
        [
            ["Region", $"{s.Region.Name} ({Html.Number(s.Region.AreaSquareKilometres)} km², {s.Region.Places.Count} places)"],
            ["Goal", Goal(s.Request.Goal)],
            ["Demand", s.DemandSource.Text],
            ["Demand points", $"{Html.Number(s.Demand.Count)} ({Html.Number(plan.Presolve.Reduced.DemandCount)} after merging identical coverage; {Html.Number(plan.Presolve.UncoverableDemand)} people out of reach of every candidate)"],
            ["Candidates", $"{Html.Number(s.Instance.SiteCount)} ({Html.Number(plan.Presolve.Reduced.SiteCount)} after removing dominated and forbidden sites)"],
            ["Chosen solver", $"{r.Solver}: objective {Html.Number(r.Objective)} in {r.Elapsed.TotalSeconds:0.00} s"],
            ["Coverage computation", $"{s.CoverageTime.TotalMilliseconds:0} ms (bucket grid + great-circle check)"],
        ], "kv");
    }

    private static string Goal(PlacementGoal goal) => goal.Kind == PlacementKind.SetCover
        ? $"set cover: least cost covering {goal.CoverageTarget:P0} of the demand"
        : "maximal covering: most people covered" + (goal.MaxSites is { } p ? $" with at most {p} sites" : string.Empty) + (goal.Budget is { } b ? $" within a budget of {b:0.##}" : string.Empty);

    private static void Card(TextWriter writer, string label, string value, string note) =>
        writer.Write($"<div class=\"card\"><div class=\"label\">{Html.Escape(label)}</div><div class=\"value\">{Html.Escape(value)}</div><div class=\"note\">{Html.Escape(note)}</div></div>");
}

/// <summary>Every solver's result side by side, with what each quantum path needs on hardware.</summary>
internal sealed class SolverSection(Plan plan) : IReportSection
{
    public string Title => "Solvers";

    public void WriteHtml(TextWriter writer)
    {
        var rows = new List<IReadOnlyList<string>>();
        foreach (var row in plan.Results)
        {
            if (row.Result is not { } r)
            {
                rows.Add([row.Solver, "skipped: " + row.Skipped, "", "", "", "", "", "", "", "", "", "", ""]);
                continue;
            }

            var f = row.Footprint;
            rows.Add(
            [
                r.Solver, Html.Number(r.Objective), r.Bound is { } b ? Html.Number(b) : "-", (row.GapToBestBound ?? r.Gap) is { } g ? g.ToString("P2", CultureInfo.InvariantCulture) : "-",
                r.Optimal ? "yes" : "no", r.Feasible ? "yes" : "no", r.Sites.Length.ToString(CultureInfo.InvariantCulture), Html.Number(r.Cost, 1),
                r.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
                f is null ? "-" : Html.Number(f.LogicalVariables), f is null ? "-" : Qubits(f.Pegasus), f is null ? "-" : Qubits(f.Zephyr),
                f?.Routed.TwoQubitGates is { } cx ? string.Create(CultureInfo.InvariantCulture, $"{cx:N0} cx, depth {f.Routed.Depth:N0}") : f?.Routed.Reason ?? "-",
            ]);
        }

        Html.Table(writer, ["solver", "objective", "bound", "gap", "optimal", "feasible", "sites", "cost", "time (s)", "QUBO variables", "Pegasus P16 qubits", "Zephyr Z15 qubits", "QAOA p=1 on heavy-hex 127"], rows);
        writer.WriteLine("<p class=\"note\">cpsat: OR-Tools CP-SAT, exact (proven optimum or gap at the time limit); heuristic: greedy + swap local search; anneal: quantum-inspired annealing with budget-feasible swap moves; qubo and sb: the whole QUBO sampled by simulated annealing or simulated bifurcation and repaired; qubo-hybrid (x): hybrid decomposition, sub-QUBOs solved by x; qaoa: the whole QUBO on a simulated QAOA circuit (tiny instances only). The gap is to the best bound any solver proved. The hardware columns are for the model the solver hands to a device (the whole QUBO, or the largest sub-QUBO of the hybrid): physical qubits of a minor embedding (longest chain in brackets) and the CNOT count and depth of one QAOA layer after SABRE routing.</p>");
    }

    private static string Qubits(Quanet.Optimization.Hardware.EmbeddingFigure figure) =>
        figure.PhysicalQubits is { } q ? string.Create(CultureInfo.InvariantCulture, $"{q:N0} (chain ≤ {figure.MaxChainLength}{(figure.Method == "native clique" ? ", native clique" : "")})") : figure.Reason ?? "-";
}

/// <summary>The radio model and link budget.</summary>
internal sealed class RadioSection(Plan plan) : IReportSection
{
    public string Title => "Radio model and link budget";

    public void WriteHtml(TextWriter writer)
    {
        var q = plan.Scenario.Request;
        var b = q.LinkBudget;
        Html.Table(writer, ["term", "value"],
        [
            ["Carrier", $"{q.BandMegahertz:0.#} MHz"],
            ["Path-loss model", $"{plan.Scenario.Model.Name} (median, no shadowing; fade margin below)"],
            ["Antenna heights", $"site {q.SiteHeightMetres:0.#} m, user {q.UserHeightMetres:0.#} m"],
            ["Transmit power", $"{b.TxPowerDbm:0.0} dBm"],
            ["+ antenna gain - cable loss", $"{b.TxAntennaGainDbi:0.0} dBi - {b.CableLossDb:0.0} dB"],
            ["= EIRP", $"{b.Eirp.Value:0.0} dBm"],
            ["+ user antenna gain", $"{b.RxAntennaGainDbi:0.0} dBi"],
            ["- body, penetration, fade margin", $"{b.BodyLossDb:0.0} + {b.PenetrationLossDb:0.0} + {b.FadeMarginDb:0.0} dB"],
            ["Receiver sensitivity", b.SensitivityDbm is null ? $"{b.Sensitivity.Value:0.0} dBm (-174 dBm/Hz + {10 * Math.Log10(b.BandwidthHz):0.0} dB-Hz + NF {b.NoiseFigureDb:0.0} dB + SNR {b.RequiredSnrDb:0.0} dB)" : $"{b.Sensitivity.Value:0.0} dBm"],
            ["= Maximum allowed path loss", $"{b.MaximumPathLoss.Value:0.0} dB"],
        ], "kv");

        // what the same budget would give under every model: the planner's first sanity check on the model choice
        var rows = new List<IReadOnlyList<string>>();
        foreach (var name in PathLossModels.Names)
        {
            var model = PathLossModels.Create(name);
            var radius = ScenarioBuilder.RadiusFor(q, model, new Metres(q.SiteHeightMetres)).Value;
            var area = Math.PI * radius * radius / 1e6;
            var capped = radius >= q.MaxRadiusMetres;
            rows.Add(
            [
                name + (name == plan.Scenario.Model.Name ? " (used)" : string.Empty),
                (capped ? "≥ " : string.Empty) + (radius / 1000).ToString("0.00", CultureInfo.InvariantCulture) + (capped ? " (search limit)" : string.Empty),
                (capped ? "≥ " : string.Empty) + Html.Number(area, 1),
            ]);
        }

        writer.WriteLine("<h3 style=\"font-size:14px;margin:16px 0 8px\">Cell radius at this MAPL by model</h3>");
        Html.Table(writer, ["model", "radius (km)", "cell area (km²)"], rows);
    }
}

/// <summary>The chosen sites, busiest first.</summary>
internal sealed class SitesSection(Plan plan) : IReportSection
{
    public string Title => "Sites";

    public void WriteHtml(TextWriter writer)
    {
        var sites = new List<int>(plan.Result.Sites);
        sites.Sort((a, b) => plan.SitePopulation[b].CompareTo(plan.SitePopulation[a]));
        var rows = new List<IReadOnlyList<string>>();
        foreach (var s in sites)
        {
            var site = plan.Scenario.Sites[s];
            rows.Add(
            [
                site.Id, plan.AnchorName(s), site.Location.Latitude.ToString("0.0000", CultureInfo.InvariantCulture), site.Location.Longitude.ToString("0.0000", CultureInfo.InvariantCulture),
                Html.Number(plan.SitePopulation[s]), (plan.Scenario.SiteRadius[s] / 1000).ToString("0.00", CultureInfo.InvariantCulture), site.Height.Value.ToString("0", CultureInfo.InvariantCulture),
                Html.Number(site.Cost, 1), site.Flag.ToString().ToLowerInvariant(),
            ]);
        }

        Html.Table(writer, ["id", "largest place served", "lat", "lon", "people served", "radius (km)", "height (m)", "cost", "flag"], rows);
    }
}
