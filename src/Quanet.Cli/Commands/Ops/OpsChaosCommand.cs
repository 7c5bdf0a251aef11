using System.CommandLine;
using System.Globalization;
using System.Net;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster.Chaos;
using Spectre.Console;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops chaos</c>: a simulated storm into a local cluster while one silo, one NATS server and one collector
/// are killed with SIGKILL and restarted; reports lost events, duplicate actions, incidents against the embedded
/// engine and recovery times (docs/operations-cluster.md, "Chaos benchmark").
/// </summary>
internal static class OpsChaosCommand
{
    private static readonly string[] Kinds = ["silo", "nats", "collector"];

    public static Command Create()
    {
        var seed = CommonOptions.Seed();
        var events = new Option<int>("--events") { Description = "Events in the storm (100 to 10000000, default 20000)", DefaultValueFactory = _ => 20_000 }
            .Must(e => e is >= 100 and <= 10_000_000, "must be 100 to 10000000");
        var sites = new Option<int>("--sites") { Description = "Cell sites of the synthetic network (default 120)", DefaultValueFactory = _ => 120 }.MustBeAtLeast(1);
        var kill = new Option<string>("--kill") { Description = "What to kill, comma-separated: silo, nats, collector, or none (default all three)", DefaultValueFactory = _ => "silo,nats,collector" }
            .Must(v => v == "none" || (Parts(v).Count > 0 && Parts(v).All(Kinds.Contains) && Parts(v).Distinct().Count() == Parts(v).Count), "must be silo, nats, collector (each once, comma-separated) or none");
        var silos = LocalClusterSetup.Count("--silos", "Silo processes", 3);
        var nats = LocalClusterSetup.Count("--nats", "nats-server processes", 3);
        var collectors = new Option<int>("--collectors") { Description = "Collector processes (2 to 9, default 2: senders fail over while one is dead)", DefaultValueFactory = _ => 2 }
            .Must(n => n is >= 2 and <= 9, "must be 2 to 9");
        var senders = new Option<int>("--senders") { Description = "Concurrent VES senders (1 to 64, default 4)", DefaultValueFactory = _ => 4 }.Must(n => n is >= 1 and <= 64, "must be 1 to 64");
        var data = new Option<DirectoryInfo?>("--data") { Description = "Folder of the run's cluster, kept afterwards (default: a temporary folder, removed)" };
        var natsServer = LocalClusterSetup.NatsServer();
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var json = CommonOptions.Json();
        var command = new Command("chaos", "Send a simulated storm into a local cluster while killing a silo, a NATS server and a collector with SIGKILL; report losses, duplicates, incidents and recovery");
        foreach (var o in new Option[] { seed, events, sites, kill, silos, nats, collectors, senders, data, natsServer, plan, inventory, json })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var programs = LocalClusterSetup.Programs(ctx.Get(natsServer));
            var s = ctx.Get(seed);
            var (network, _) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), s);
            var temporary = ctx.Get(data) is null;
            var folder = ctx.Get(data)?.FullName ?? Path.Combine(Path.GetTempPath(), $"quanet-chaos-{Guid.NewGuid():N}");
            try
            {
                var (credentials, _, secret) = LocalClusterSetup.OperatorKey(folder);
                var cluster = LocalClusterSetup.Options(folder, programs, credentials, ctx.Get(silos), ctx.Get(nats), ctx.Get(collectors), new IPEndPoint(IPAddress.Loopback, 0));
                var options = new ChaosOptions
                {
                    Seed = s,
                    Events = ctx.Get(events),
                    Kills = ctx.Get(kill) == "none" ? [] : [.. Parts(ctx.Get(kill)!).Select(Kind)],
                    Senders = ctx.Get(senders),
                    KeyName = LocalClusterSetup.KeyName,
                    KeySecret = secret,
                };
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var progress = new Progress<string>(line => ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,5:0.0} s] {line}")));
                var report = await ChaosRun.RunAsync(options, cluster, network, Environment.ProcessId, progress, ct);
                ctx.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,5:0.0} s] cluster down"));
                if (ctx.Get(json))
                {
                    ctx.WriteJson(report);
                }
                else
                {
                    Print(ctx, report);
                }
            }
            finally
            {
                if (temporary && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static List<string> Parts(string? value) => [.. (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    private static ChaosKind Kind(string name) => name switch
    {
        "silo" => ChaosKind.Silo,
        "nats" => ChaosKind.Nats,
        _ => ChaosKind.Collector,
    };

    private static void Print(CommandContext ctx, ChaosReport r)
    {
        static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var c = ctx.Console;
        c.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"seed {r.Seed}: {r.Events} events, {r.Regions} regions; {r.Silos} silos, {r.Nats} NATS servers, {r.Collectors} collectors, {r.Senders} senders"));
        var table = new Table().AddColumns("figure", "value");
        table.AddRow("acknowledged", r.Acknowledged.ToString(CultureInfo.InvariantCulture));
        table.AddRow("stored", r.Stored.ToString(CultureInfo.InvariantCulture));
        table.AddRow("lost", r.Lost.ToString(CultureInfo.InvariantCulture));
        table.AddRow("duplicate actions", $"{r.DuplicateActions} of {r.Actions}");
        table.AddRow("incidents match", $"{(r.IncidentsMatch ? "yes" : "no")} ({r.Incidents} cluster, {r.EmbeddedIncidents} embedded)");
        table.AddRow("recovery (max)", N(r.RecoverySeconds) + " s");
        table.AddRow("events/s", r.EventsPerSecond.ToString(CultureInfo.InvariantCulture));
        c.Write(table);
        var kills = new Table().AddColumns("kill", "process", "at event", "at s", "back at s", "ingest s", "correlation s", "end to end s", "recovery s", "overlaps");
        foreach (var k in r.Kills)
        {
            kills.AddRow(k.Kind, k.Victim, k.AtEvent.ToString(CultureInfo.InvariantCulture), N(k.KilledAtSeconds), k.RestartedAtSeconds is { } b ? N(b) : "-",
                k.IngestSeconds is { } i ? N(i) : "-", k.CorrelationSeconds is { } cs ? N(cs) : "-", k.EndToEndSeconds is { } e ? N(e) : "-",
                N(k.RecoverySeconds), k.Overlaps.Count == 0 ? "-" : Markup.Escape(string.Join(", ", k.Overlaps)));
        }

        c.Write(kills);
    }
}
