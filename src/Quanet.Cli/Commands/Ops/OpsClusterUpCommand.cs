using System.CommandLine;
using System.Globalization;
using System.Net;
using Quanet.Cli.Infrastructure;
using Quanet.Cluster.Local;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops cluster up</c>: a local operations cluster (NATS JetStream, PostgreSQL, silos, a collector) in the
/// foreground until Ctrl+C, SIGTERM or <c>quanet ops cluster down --data DIR</c>, which all stop every process.
/// </summary>
internal static class OpsClusterUpCommand
{
    public static Command Create()
    {
        var silos = LocalClusterSetup.Count("--silos", "Silo processes (quanet ops silo)", 3);
        var nats = LocalClusterSetup.Count("--nats", "nats-server processes of the JetStream cluster (the stream has min(3, N) replicas)", 3);
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder of the cluster: NATS stores, PostgreSQL, logs/, operator.key, cluster.json", Required = true };
        var listen = new Option<string>("--listen")
        {
            Description = "127.0.0.1:PORT the collector listens on (default: a free port)",
            DefaultValueFactory = _ => "127.0.0.1:0",
        }.Must(v => IPEndPoint.TryParse(v ?? "", out var e) && IPAddress.IsLoopback(e.Address) && (v ?? "").Contains(':', StringComparison.Ordinal), "must be 127.0.0.1:PORT");
        var bundle = new Option<int>("--bundle")
        {
            Description = "The collector's bundles: events of one region and request per JetStream message (1 to 10000; default 1: one message per event)",
            DefaultValueFactory = _ => 1,
        }.Must(b => b is >= 1 and <= 10_000, "must be 1 to 10000");
        var siloNice = new Option<int>("--silo-nice")
        {
            Description = "The silos' CPU priority as a nice value (0 to 19; default 0). On one shared machine a positive value lets the collector and NATS, which the senders wait for, take the cores first",
            DefaultValueFactory = _ => 0,
        }.Must(n => n is >= 0 and <= 19, "must be 0 to 19");
        var natsServer = LocalClusterSetup.NatsServer();
        var plan = OpsTopology.Plan();
        var inventory = OpsTopology.Inventory();
        var sites = OpsTopology.Sites();
        var seed = CommonOptions.Seed();
        var command = new Command("up", "Start a local operations cluster (NATS JetStream, PostgreSQL, silos, a collector) and keep it running until Ctrl+C or `ops cluster down`");
        foreach (var o in new Option[] { silos, nats, data, listen, bundle, siloNice, natsServer, plan, inventory, sites, seed })
        {
            command.Options.Add(o);
        }

        CommandRunner.SetBody(command, async (ctx, ct) =>
        {
            var programs = LocalClusterSetup.Programs(ctx.Get(natsServer));
            var (network, name) = OpsTopology.Load(ctx.Get(plan), ctx.Get(inventory), ctx.Get(sites), ctx.Get(seed));
            var folder = ctx.Get(data)!.FullName;
            var (credentials, keyFile, secret) = LocalClusterSetup.OperatorKey(folder);
            var options = LocalClusterSetup.Options(folder, programs, credentials, ctx.Get(silos), ctx.Get(nats), 1, IPEndPoint.Parse(ctx.Get(listen)!), ctx.Get(bundle), ctx.Get(siloNice));
            var progress = new Progress<string>(line => ctx.Error.WriteLine(line));
            await using var cluster = await LocalCluster.StartAsync(options, network, progress, ct);
            await cluster.ProbeCollectorsAsync(LocalClusterSetup.KeyName, secret, ct);
            await cluster.WriteStateAsync(Environment.ProcessId, keyFile, ct);
            Print(ctx, cluster, name, folder, keyFile);
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C, SIGTERM or `ops cluster down`: stop everything below
            }

            ctx.Error.WriteLine("stopping the local cluster");
            await cluster.DisposeAsync();
            ctx.Output.WriteLine($"local cluster in {folder} stopped");
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CommandContext ctx, LocalCluster cluster, string network, string folder, string keyFile)
    {
        var o = ctx.Output;
        o.WriteLine($"local cluster up in {folder}, network {network}");
        o.WriteLine($"collector:  {cluster.CollectorUrls[0]}eventListener/v7/eventBatch  (HTTP Basic: user {LocalClusterSetup.KeyName}, password in {keyFile})");
        o.WriteLine($"nats:       {string.Join(",", cluster.Nats.Urls)}  (stream QUANET_VES, R{cluster.Options.Replicas})");
        o.WriteLine($"postgres:   export QUANET_PG='{cluster.ConnectionString}'");
        for (var i = 0; i < cluster.Silos.Count; i++)
        {
            o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cluster.Silos[i].Name}:     pid {cluster.Silos[i].ProcessId}, log {cluster.Silos[i].LogPath}"));
        }

        o.WriteLine($"state:      {Path.Combine(folder, "cluster.json")}");
        o.WriteLine($"cluster ready (Ctrl+C, or `quanet ops cluster down --data {folder}` from another shell, stops it)");
        o.Flush();
    }
}
