using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Silo;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;
using Quanet.Testing.Postgres;

namespace Quanet.ClusterBench;

/// <summary>
/// <c>Quanet.ClusterBench [--sites N] [--hours H] [--batch B] [--rounds R]</c>: the processing side of the operations
/// cluster on a throw-away PostgreSQL. Events/s applied by the region grains of two silos (all regions at once, batches
/// of B through grain calls: parse, engine, PostgreSQL save, checkpoint), with the embedded single-process engine on the
/// same events as the reference; then R failovers: two <c>quanet ops silo</c> processes, half of the largest region
/// applied, kill -9 of the silo hosting it, seconds until the region grain answers on the other silo, and its rebuild.
/// </summary>
public static partial class ClusterProcessingSuite
{
    /// <summary>Runs the suite; prints Markdown tables; returns an exit code.</summary>
    public static int Run(string[] args)
    {
        if (PostgresBinaries.MissingReason is { } missing)
        {
            Console.Error.WriteLine("cluster-processing: " + missing);
            return 1;
        }

        return RunAsync(Arg(args, "--sites", 120), Arg(args, "--hours", 48), Arg(args, "--batch", 500), Arg(args, "--rounds", 3)).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int sites, int hours, int batch, int rounds)
    {
        var inventory = SyntheticInventory.Create(sites, 1);
        var lines = await SimulateAsync(inventory, hours);
        var regions = ByRegion(inventory, lines);
        await using var server = await PostgresServer.StartAsync();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines.Count} events of a {hours} h simulated storm on {sites} cell sites, {regions.Count} regions, batches of {batch}"));
        Console.WriteLine("| path | events | seconds | events/s | CPU s of the engine's process | CPU s of PostgreSQL | CPU per event |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        var cpu = ProcessCpu.Self();
        var embedded = await EmbeddedAsync(inventory, lines, batch);
        Row("embedded engine (one process, SQLite)", lines.Count, embedded, ProcessCpu.Self() - cpu, 0);
        await EmbeddedAsync(inventory, lines, batch); // warm, then the measured cluster pass below runs on warm code too
        var database = await server.CreateDatabaseAsync();
        await ClusterSchema.ApplyAsync(database, CancellationToken.None);
        var (cluster, siloCpu, postgresCpu) = await GrainsAsync(inventory, regions, batch, database, server.Port);
        Row("region grains (2 silos, PostgreSQL)", lines.Count, cluster, siloCpu, postgresCpu);
        Console.WriteLine();
        await FailoverAsync(server, inventory, regions, rounds);
        return 0;
    }

    private static async Task<(double Seconds, double SiloCpu, double PostgresCpu)> GrainsAsync(NetworkInventory inventory, Dictionary<string, List<RegionEvent>> regions, int batch, string database, int port)
    {
        var silos = new List<IHost>();
        for (var i = 0; i < 2; i++)
        {
            var host = OperationsSilo.Build(new SiloOptions { PostgresConnectionString = database, SiloPort = HostPrograms.FreePort(), GatewayPort = HostPrograms.FreePort() }, inventory);
            await host.StartAsync();
            silos.Add(host);
        }

        var grains = silos[0].Services.GetRequiredService<IGrainFactory>();
        foreach (var region in regions.Keys)
        {
            await grains.GetGrain<IRegionGrain>(region).StatusAsync(); // activate (an empty rebuild) before timing
        }

        var (cpu, postgres) = (ProcessCpu.Self(), ProcessCpu.Postgres(port));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(regions.Select(async r =>
        {
            foreach (var chunk in r.Value.Chunk(batch))
            {
                await grains.GetGrain<IRegionGrain>(r.Key).ApplyAsync(chunk);
            }
        }));
        var seconds = clock.Elapsed.TotalSeconds;
        (cpu, postgres) = (ProcessCpu.Self() - cpu, ProcessCpu.Postgres(port) - postgres);
        foreach (var host in silos)
        {
            await host.StopAsync();
            host.Dispose();
        }

        return (seconds, cpu, postgres);
    }

    private static async Task<double> EmbeddedAsync(NetworkInventory inventory, List<byte[]> lines, int batch)
    {
        var db = Path.Combine(Path.GetTempPath(), $"quanet-bench-{Guid.NewGuid():N}.db");
        try
        {
            await using var engine = new OperationsEngine(inventory, db, new NoNetwork());
            var clock = Stopwatch.StartNew();
            foreach (var chunk in lines.Chunk(batch))
            {
                var events = new List<VesEvent>(chunk.Length);
                foreach (var line in chunk)
                {
                    events.AddRange(VesParser.ParseBody(line));
                }

                await engine.IngestAsync(events);
                engine.TakeOpenedIncidents();
            }

            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(db + suffix);
            }
        }
    }

    private static async Task<List<byte[]>> SimulateAsync(NetworkInventory inventory, int hours)
    {
        using var log = new StringWriter();
        await OperationsSimulator.RunAsync(inventory, "bench", new SimulationOptions
        {
            Hours = hours,
            Seed = 1,
            Faults = ScenarioCatalog.ParseMix("fibre_cut=24,du_crash=24,power_loss=12,congestion=12,misconfiguration=12,kpi_degradation=12"),
            EventLog = log,
        });
        return [.. log.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(Encoding.UTF8.GetBytes)];
    }

    private static Dictionary<string, List<RegionEvent>> ByRegion(NetworkInventory inventory, List<byte[]> lines)
    {
        var regions = TopologyRegions.FromInventory(inventory);
        var byRegion = new Dictionary<string, List<RegionEvent>>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            var region = regions.RegionOf(VesParser.ParseBody(line)[0].SourceName);
            if (!byRegion.TryGetValue(region, out var list))
            {
                list = [];
                byRegion[region] = list;
            }

            list.Add(new RegionEvent { Sequence = (ulong)list.Count + 1, Json = line });
        }

        return byRegion;
    }

    private static void Row(string path, int events, double seconds, double cpu, double postgres) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {path} | {events:N0} | {seconds:0.00} | {events / seconds:N0} | {cpu:0.00} | {postgres:0.00} | {(cpu + postgres) / events * 1e6:0} us |"));

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
