using System.Globalization;
using Spectre.Console;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The human-readable output of <c>quanet plan</c>.</summary>
internal static class PlanText
{
    public static void Write(IAnsiConsole console, Planning.Scenario.Plan plan, IReadOnlyList<string> files)
    {
        var s = plan.Scenario;
        var r = plan.Result;
        var share = plan.TotalWeight > 0 ? plan.CoveredWeight / plan.TotalWeight : 0;
        var summary = new Table().Border(TableBorder.Rounded).AddColumn("plan").AddColumn("value");
        summary.AddRow("region", Markup.Escape($"{s.Region.Name} ({s.Region.AreaSquareKilometres:N0} km²)"));
        summary.AddRow("demand", $"{s.Demand.Count:N0} points, {plan.TotalWeight:N0} people ({plan.Presolve.Reduced.DemandCount:N0} after presolve)");
        summary.AddRow("demand model", Markup.Escape(s.DemandSource.Text));
        summary.AddRow("candidates", $"{s.Instance.SiteCount:N0} ({plan.Presolve.Reduced.SiteCount:N0} after presolve)");
        summary.AddRow("radio", Markup.Escape($"{s.Request.BandMegahertz:0.#} MHz, {s.Model.Name}, MAPL {s.MaximumPathLoss.Value:0.0} dB, radius {s.SiteRadius[r.Sites.Length > 0 ? r.Sites[0] : 0] / 1000:0.00} km"));
        summary.AddRow("sites", $"{r.Sites.Length} (cost {r.Cost:N1})");
        if (Planning.Scenario.BrownfieldSummary.Of(plan) is { } brownfield)
        {
            summary.AddRow("brownfield", Markup.Escape($"{brownfield.Kept.Count} kept, {brownfield.Removed.Count} removed, {brownfield.New} new (total cost {brownfield.TotalCost:N1})"));
        }

        summary.AddRow("covered", $"{plan.CoveredWeight:N0} people ({share.ToString("P1", CultureInfo.InvariantCulture)})");
        summary.AddRow("objective / bound", $"{r.Objective:N0} / {(r.Bound is { } b ? b.ToString("N0", CultureInfo.InvariantCulture) : "-")} (gap {(r.Gap is { } g ? g.ToString("P2", CultureInfo.InvariantCulture) : "-")})");
        summary.AddRow("time", $"coverage {s.CoverageTime.TotalMilliseconds:0} ms, solve {r.Elapsed.TotalSeconds:0.00} s");
        console.Write(summary);

        // narrow enough for an 80-column terminal; the JSON document has every field
        var solvers = new Table().Border(TableBorder.Rounded);
        foreach (var column in new[] { "solver", "objective", "bound", "gap", "proven", "sites", "time (s)" })
        {
            solvers.AddColumn(new TableColumn(column).NoWrap());
        }

        var skipped = new List<string>();
        foreach (var row in plan.Results)
        {
            if (row.Result is not { } x)
            {
                solvers.AddRow(Markup.Escape(row.Solver), "skipped", "", "", "", "", "");
                skipped.Add($"{row.Solver}: {row.Skipped}");
                continue;
            }

            solvers.AddRow(
                Markup.Escape(x.Solver), x.Objective.ToString("N0", CultureInfo.InvariantCulture), x.Bound is { } xb ? xb.ToString("N0", CultureInfo.InvariantCulture) : "-",
                (row.GapToBestBound ?? x.Gap) is { } xg ? xg.ToString("P2", CultureInfo.InvariantCulture) : "-", x.Optimal ? "yes" : "no", x.Sites.Length.ToString(CultureInfo.InvariantCulture),
                x.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture));
        }

        console.Write(solvers);
        WriteFootprints(console, plan.Results);
        foreach (var line in skipped)
        {
            console.WriteLine(line);
        }

        console.WriteLine(s.Terrain.Text);
        if (plan.Radio is { } radio)
        {
            console.WriteLine(Planning.Capacity.CapacityText.Summary(radio));
        }
        foreach (var warning in s.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        foreach (var f in files)
        {
            console.WriteLine($"wrote {f}");
        }
    }

    // what each quantum row's model needs on hardware: a second table, so that both fit an 80-column terminal
    private static void WriteFootprints(IAnsiConsole console, IReadOnlyList<Planning.Placement.PlacementComparison> rows)
    {
        if (!rows.Any(r => r.Footprint is not null))
        {
            return;
        }

        var table = new Table().Border(TableBorder.Rounded).Title("quantum footprint");
        foreach (var column in new[] { "solver", "variables", "couplers", "pegasus:16", "zephyr:15", "eagle p=1" })
        {
            table.AddColumn(new TableColumn(column).NoWrap());
        }

        var notes = new List<string>();
        foreach (var row in rows)
        {
            if (row.Footprint is not { } f)
            {
                continue;
            }

            table.AddRow(
                Markup.Escape(row.Solver), f.LogicalVariables.ToString("N0", CultureInfo.InvariantCulture), f.Couplers.ToString("N0", CultureInfo.InvariantCulture),
                Qubits(f.Pegasus), Qubits(f.Zephyr),
                f.Routed.TwoQubitGates is { } cx ? Invariant($"{cx:N0} cx, depth {f.Routed.Depth:N0}") : "-");
            foreach (var reason in new[] { f.Pegasus.Reason, f.Zephyr.Reason, f.Routed.Reason })
            {
                if (reason is not null && !notes.Contains(reason))
                {
                    notes.Add(reason);
                }
            }
        }

        console.Write(table);
        foreach (var note in notes)
        {
            console.WriteLine($"not on hardware: {note}");
        }
    }

    private static string Qubits(Quanet.Optimization.Hardware.EmbeddingFigure figure) =>
        figure.PhysicalQubits is { } q ? Invariant($"{q:N0} (chain <= {figure.MaxChainLength}{(figure.Method == "native clique" ? ", clique" : "")})") : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
