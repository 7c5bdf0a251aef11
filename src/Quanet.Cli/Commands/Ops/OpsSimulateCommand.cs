using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Operations.Simulation;
using Quanet.Workflows.Operations;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops simulate</c>: injected faults of known ground truth, engine against a baseline NOC.</summary>
internal static class OpsSimulateCommand
{
    public static Command Create()
    {
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var hours = new Option<double>("--hours") { Description = "Simulated hours with faults and noise (default 24)", DefaultValueFactory = _ => 24 };
        hours.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is not (> 0 and <= SimulateWorkflow.MaxHours))
            {
                r.AddError(string.Create(CultureInfo.InvariantCulture, $"--hours must be in (0, {SimulateWorkflow.MaxHours}]"));
            }
        });
        var faults = new Option<string?>("--faults")
        {
            Description = "Faults per 24 h as kind[=count],... (kinds: " + string.Join(", ", ScenarioCatalog.All.Select(s => s.Kind)) + "); default "
                + string.Join(",", ScenarioCatalog.DefaultMix.Select(m => $"{m.Kind}={m.Count}")),
        };
        faults.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<string?>() is { } text && !ScenarioCatalog.TryParseMix(text, out _, out var error))
            {
                r.AddError("--faults: " + error);
            }
        });
        var eventsOut = new Option<FileInfo?>("--events-out") { Description = "Also write the VES event stream as NDJSON (for quanet ops replay)" }.MustBeWritable();
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("simulate", "Simulate a network with injected faults and compare Quanet with a baseline NOC (alarm compression, root-cause accuracy, MTTR, field visits, configuration effort)");
        foreach (var o in new Option[] { plan, inventory, sites, hours, faults, eventsOut, seed, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var s = ctx.Get(seed);
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), s);
            var request = new SimulateRequest
            {
                Inventory = network,
                Topology = name,
                Hours = ctx.Get(hours),
                Seed = s,
                Faults = ctx.Get(faults) is { } text ? ScenarioCatalog.ParseMix(text) : ScenarioCatalog.DefaultMix,
                EventsOutPath = ctx.Get(eventsOut)?.FullName,
            };
            var report = await SimulateWorkflow.RunAsync(request, null, ct);
            if (ctx.Get(json))
            {
                ctx.WriteJson(report);
            }
            else
            {
                Print(ctx, report);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CommandContext ctx, SimulationReport r)
    {
        var c = ctx.Console;
        c.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{r.Topology}: {r.Sites} cell sites, {r.Elements} elements, {r.Hours:0.#} h, seed {r.Seed}"));
        c.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events {r.Events}, alarms {r.Alarms}, incidents {r.Incidents} (transients suppressed {r.SuppressedTransients})"));
        c.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"alarm compression {r.AlarmCompression:P1}, root-cause accuracy {r.RootCauseAccuracy:P1} ({r.FaultsDetected} of {r.Faults} faults detected)"));
        var table = new Table().AddColumns("figure", "baseline NOC", "quanet", "change");
        void Row(string label, Comparison x) => table.AddRow(label,
            x.Baseline.ToString("0.#", CultureInfo.InvariantCulture), x.Quanet.ToString("0.#", CultureInfo.InvariantCulture),
            x.ChangePercent.ToString("+0.0;-0.0;0", CultureInfo.InvariantCulture) + " %");
        Row("MTTR (min)", r.MttrMinutes);
        Row("field visits", r.FieldVisits);
        Row("configuration effort (engineer min)", r.ConfigurationEffortMinutes);
        Row("NOC tickets", r.NocTickets);
        c.Write(table);
        var faults = new Table().AddColumns("fault", "kind", "root cause", "diagnosis", "quanet path", "MTTR base", "MTTR quanet");
        foreach (var f in r.FaultOutcomes)
        {
            faults.AddRow(f.Id.ToString(CultureInfo.InvariantCulture), f.Kind, Markup.Escape(f.RootCause + (f.Detail.Length > 0 ? $" ({f.Detail})" : "")),
                Markup.Escape((f.Diagnosis ?? "-") + (f.Correct ? "" : " [wrong]")), Markup.Escape(f.QuanetPath),
                f.BaselineMinutes.ToString("0", CultureInfo.InvariantCulture), f.QuanetMinutes.ToString("0", CultureInfo.InvariantCulture));
        }

        c.Write(faults);
    }
}
