using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Npgsql;
using Quanet.Benchmarks.Suites;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Local;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Server.Security;

namespace Quanet.Benchmarks.Operations;

/// <summary>
/// <c>ops-cluster-load</c>: the whole local cluster under load: N nats-server processes (R3 stream), a throw-away
/// PostgreSQL, N <c>quanet ops silo</c> processes consuming and correlating, and a <c>quanet ops collector</c>
/// process; senders POST VES batches over HTTP and every answer must be 202. Reports events acknowledged per
/// second with the silos consuming at the same time, and how long the silos took to apply everything (every event
/// in every region it is published to). Uses the quanet built in Release (<c>--quanet DLL</c>).
/// </summary>
public sealed class ClusterLoadSuite : ISuite
{
    public string Name => "ops-cluster-load";

    public int Run(string[] args)
    {
        var events = Arg(args, "--events", 400_000);
        var batch = Arg(args, "--batch", 1000);
        var senders = Arg(args, "--senders", 8);
        var silos = Arg(args, "--silos", 3);
        var nodes = Arg(args, "--nodes", 3);
        var bundle = Arg(args, "--bundle", 100);
        var siloNice = Arg(args, "--silo-nice", 0);
        var i = Array.IndexOf(args, "--quanet");
        var quanet = Path.GetFullPath(i >= 0 && i + 1 < args.Length ? args[i + 1] : "src/Quanet.Cli/bin/Release/net10.0/quanet.dll");
        var path = Environment.GetEnvironmentVariable("PATH");
        var nats = NatsServerProgram.Find(path);
        var postgres = PostgresPrograms.Find(path, Environment.UserName, out var why);
        if (nats is null || postgres is null || !File.Exists(quanet))
        {
            Console.Error.WriteLine(nats is null ? NatsServerProgram.MissingMessage : postgres is null ? why : $"{quanet} does not exist: dotnet build src/Quanet.Cli -c Release");
            return 1;
        }

        return RunAsync(new QuanetCommand("dotnet", [quanet]), nats, postgres, events, batch, senders, silos, nodes, bundle, siloNice).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(QuanetCommand quanet, string nats, PostgresPrograms postgres, int events, int batch, int senders, int silos, int nodes, int bundle, int siloNice)
    {
        var folder = Directory.CreateTempSubdirectory("quanet-bench-load-").FullName;
        try
        {
            var credentials = Path.Combine(folder, "server.db");
            var secret = new ApiKeyStore(credentials).Add("bench", Roles.Operator, DateTimeOffset.UnixEpoch);
            var inventory = SyntheticInventory.Create(cellSites: 400, seed: 7);
            var regions = TopologyRegions.FromInventory(inventory);
            var options = new LocalClusterOptions
            {
                DataDirectory = folder,
                Quanet = quanet,
                NatsServer = nats,
                Postgres = postgres,
                CredentialsPath = credentials,
                Silos = silos,
                NatsNodes = nodes,
                Collectors = 1,
                Bundle = bundle,
                SiloNice = siloNice,
            };
            await using var cluster = await LocalCluster.StartAsync(options, inventory, new Progress<string>(Console.Error.WriteLine), CancellationToken.None);
            using var http = new HttpClient { BaseAddress = cluster.CollectorUrls[0], Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bench:" + secret)));
            await using var database = NpgsqlDataSource.Create(cluster.ConnectionString);

            Console.WriteLine($"{nodes} nats-server, stream R{options.Replicas}, {silos} silos (nice {siloNice}), 1 collector process, bundles of up to {bundle} events, {regions.Regions.Count} regions, {events:N0} events in batches of {batch}, {senders} concurrent senders");
            Console.WriteLine();
            Console.WriteLine("| run | events | log entries (with copies) | wall s | events/s acknowledged | applied by the silos after s | events/s applied | machine CPU s (both cores) |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|");

            // warm-up (JIT, connections, stream files, grain activations), measured like the run but not reported
            var warm = ClusterIngestSuite.Generate(inventory, "w", 40_000, batch);
            await MeasureAsync("warm-up", http, database, regions, warm, senders, print: false);
            var bodies = ClusterIngestSuite.Generate(inventory, "m", events, batch);
            await MeasureAsync("**3-silo, 3-NATS cluster: HTTP VES batch -> collector process -> R3 stream, 202 after every PubAck, silos consuming**", http, database, regions, bodies, senders, print: true);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, HttpClient http, NpgsqlDataSource database, TopologyRegions regions, List<byte[]> bodies, int senders, bool print)
    {
        var events = 0L;
        var entries = 0L;
        foreach (var body in bodies)
        {
            foreach (var e in VesParser.ParseBody(body))
            {
                events++;
                entries += regions.RegionsOf(e.SourceName).Count;
            }
        }

        var applied0 = await AppliedAsync(database);
        var cpu0 = MachineCpu();
        var watch = Stopwatch.StartNew();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("eventListener/v7/eventBatch", content);
                if (response.StatusCode != HttpStatusCode.Accepted)
                {
                    throw new InvalidOperationException($"batch {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        })));
        var acknowledged = watch.Elapsed.TotalSeconds;
        var cpuAcknowledged = MachineCpu() - cpu0;
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(15);
        long applied;
        while ((applied = await AppliedAsync(database) - applied0) < entries && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
        }

        var done = watch.Elapsed.TotalSeconds;
        if (print)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {events:N0} | {entries:N0} | {acknowledged:F2} | **{events / acknowledged:N0}** | {(applied >= entries ? done.ToString("F1", CultureInfo.InvariantCulture) : $"not all: {applied:N0} of {entries:N0} after {done:F0}")} | {events / done:N0} | {cpuAcknowledged:F2} while acknowledging |"));
        }
    }

    private static async Task<long> AppliedAsync(NpgsqlDataSource database)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM quanet_region_events");
        return (long)(await command.ExecuteScalarAsync())!;
    }

    // busy CPU seconds of the whole machine (all cores) from /proc/stat: user + nice + system + irq + softirq + steal
    private static double MachineCpu()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var ticks = new[] { 1, 2, 3, 6, 7, 8 }.Sum(k => long.Parse(fields[k], CultureInfo.InvariantCulture));
        return ticks / 100.0;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
