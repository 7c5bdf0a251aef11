using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops replay FILE</c>: ingest an NDJSON file of VES events and correlate it.</summary>
internal static class OpsReplayCommand
{
    private const int BatchLines = 2000;

    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "NDJSON file: one VES body ({\"event\":...}, {\"eventList\":[...]} or a bare event) per line" };
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var db = new Option<FileInfo?>("--db") { Description = "SQLite store to keep (default: a temporary one, deleted afterwards)" };
        var json = CommonOptions.Json();
        var command = new Command("replay", "Replay an NDJSON file of VES events through ingestion and correlation; print the incidents");
        command.Arguments.Add(file);
        foreach (var o in new Option[] { plan, inventory, sites, seed, db, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var input = ctx.Get(file)!;
            if (!input.Exists)
            {
                throw new FileNotFoundException("file not found", input.FullName);
            }

            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            var adapter = new SimulatedNetwork(new DependencyGraph(network), ctx.Get(seed));
            var keep = ctx.Get(db);
            var path = keep?.FullName ?? Path.Combine(Path.GetTempPath(), $"quanet-replay-{Guid.NewGuid():N}.db");
            try
            {
                return await RunAsync(ctx, input, network, name, adapter, path, ctx.Get(json), ct);
            }
            finally
            {
                if (keep is null)
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    foreach (var suffix in new[] { "", "-wal", "-shm" })
                    {
                        File.Delete(path + suffix);
                    }
                }
            }
        });
        return command;
    }

    private static async Task<int> RunAsync(CommandContext ctx, FileInfo input, NetworkInventory network, string name, SimulatedNetwork adapter, string db, bool json, CancellationToken ct)
    {
        var rejected = new List<string>();
        long accepted = 0, raised = 0, cleared = 0, lines = 0;
        await using (var engine = new OperationsEngine(network, db, adapter))
        {
            var batch = new List<VesEvent>();
            async Task FlushAsync()
            {
                if (batch.Count > 0)
                {
                    var r = await engine.IngestAsync([.. batch], ct);
                    accepted += r.Accepted;
                    raised += r.Raised;
                    cleared += r.Cleared;
                    batch.Clear();
                    engine.TakeOpenedIncidents();
                }
            }

            foreach (var line in NdjsonEvents.Read(input.FullName))
            {
                ct.ThrowIfCancellationRequested();
                lines++;
                if (line.Error is not null)
                {
                    rejected.Add($"{input.Name}:{line.Number}: {line.Error}");
                    continue;
                }

                batch.AddRange(line.Events);
                if (batch.Count >= BatchLines)
                {
                    await FlushAsync();
                }
            }

            await FlushAsync();
            engine.Correlator.Flush();
            engine.TakeOpenedIncidents();
            var incidents = engine.Correlator.Incidents;
            var quarantined = engine.Correlator.Quarantined;
            foreach (var r in rejected.Take(10))
            {
                ctx.Error.WriteLine($"rejected {r}");
            }

            if (json)
            {
                ctx.WriteJson(new
                {
                    topology = name,
                    lines,
                    accepted,
                    rejected = rejected.Count,
                    alarms = engine.Store.CountAlarms(),
                    alarms_raised = raised,
                    alarms_cleared = cleared,
                    quarantined = new { total = quarantined.Total, reasons = quarantined.Reasons },
                    incidents = incidents.Select(i => new { i.Id, type = i.Type, i.RootCause, i.Summary, alarms = i.Alarms.Count, open = i.IsOpen, decision = i.Decision }).ToList(),
                });
                return 0;
            }

            ctx.Console.WriteLine($"{name}: {lines} lines, {accepted} events accepted, {rejected.Count} rejected; {engine.Store.CountAlarms()} alarms, {incidents.Count} incidents");
            if (quarantined.Total > 0)
            {
                ctx.Console.WriteLine($"{quarantined.Total} events quarantined ({string.Join(", ", quarantined.Reasons.Select(r => $"{r.Key} {r.Value}"))})");
            }

            var table = new Table().AddColumns("incident", "type", "root cause", "alarms", "state", "decision");
            foreach (var i in incidents)
            {
                table.AddRow(i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ResolutionPlanner.TypeName(i.Type), Markup.Escape(i.RootCause),
                    i.Alarms.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), i.IsOpen ? "open" : "resolved",
                    Markup.Escape(i.Decision is null ? "-" : i.Decision.FieldVisit ? $"field visit: {i.Decision.Reason}" : $"{i.Decision.Runbook ?? "none"}: {i.Decision.Reason}"));
            }

            ctx.Console.Write(table);
        }

        return 0;
    }
}
