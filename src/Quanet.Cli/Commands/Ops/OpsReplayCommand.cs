using System.CommandLine;
using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Core;
using Quanet.Operations.Action;
using Quanet.Workflows.Operations;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops replay FILE</c>: ingest an NDJSON file of VES events and correlate it.</summary>
internal static class OpsReplayCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "NDJSON file: one VES body ({\"event\":...}, {\"eventList\":[...]} or a bare event) per line" };
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var db = new Option<FileInfo?>("--db") { Description = "SQLite store to keep (default: a temporary one, deleted afterwards)" };
        var maxRejected = new Option<int?>("--max-rejected")
        {
            Description = "Fail (exit 1) when more than N lines are rejected (default: any number; a file with no valid event always fails)",
        };
        maxRejected.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int?>() is < 0)
            {
                r.AddError("--max-rejected must be at least 0");
            }
        });
        var json = CommonOptions.Json();
        var command = new Command("replay", "Replay an NDJSON file of VES events through ingestion and correlation; print the incidents");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { plan, inventory, sites, seed, db, maxRejected, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            var request = new ReplayRequest
            {
                Inventory = network,
                Topology = name,
                EventsPath = ctx.Get(file)!.FullName,
                Seed = ctx.Get(seed),
                DatabasePath = ctx.Get(db)?.FullName,
                MaxRejected = ctx.Get(maxRejected),
            };
            var result = await ReplayWorkflow.RunAsync(request, null, ct);
            Render(ctx, result, ctx.Get(json));

            // the counts are printed either way; a file that is mostly garbage is a failed replay, not an empty network
            return result.Failure is { } failure ? throw new QuanetException(failure) : ExitCodes.Success;
        });
        return command;
    }

    private static void Render(CommandContext ctx, ReplayResult r, bool json)
    {
        foreach (var rejection in r.Rejections)
        {
            ctx.Error.WriteLine($"rejected {rejection}");
        }

        if (json)
        {
            ctx.WriteJson(new
            {
                topology = r.Topology,
                lines = r.Lines,
                accepted = r.Accepted,
                rejected = r.Rejected,
                alarms = r.Alarms,
                alarms_raised = r.AlarmsRaised,
                alarms_cleared = r.AlarmsCleared,
                quarantined = new { total = r.Quarantined.Total, reasons = r.Quarantined.Reasons },
                incidents = r.Incidents.Select(i => new { i.Id, type = i.Type, i.RootCause, i.Summary, alarms = i.Alarms.Count, open = i.IsOpen, decision = i.Decision }).ToList(),
            });
            return;
        }

        ctx.Console.WriteLine($"{r.Topology}: {r.Lines} lines, {r.Accepted} events accepted, {r.Rejected} rejected; {r.Alarms} alarms, {r.Incidents.Count} incidents");
        if (r.Quarantined.Total > 0)
        {
            ctx.Console.WriteLine($"{r.Quarantined.Total} events quarantined ({string.Join(", ", r.Quarantined.Reasons.Select(q => $"{q.Key} {q.Value}"))})");
        }

        var table = new Table().AddColumns("incident", "type", "root cause", "alarms", "state", "decision");
        foreach (var i in r.Incidents)
        {
            table.AddRow(i.Id.ToString(CultureInfo.InvariantCulture), ResolutionPlanner.TypeName(i.Type), Markup.Escape(i.RootCause),
                i.Alarms.Count.ToString(CultureInfo.InvariantCulture), i.IsOpen ? "open" : "resolved",
                Markup.Escape(i.Decision is null ? "-" : i.Decision.FieldVisit ? $"field visit: {i.Decision.Reason}" : $"{i.Decision.Runbook ?? "none"}: {i.Decision.Reason}"));
        }

        ctx.Console.Write(table);
    }
}
