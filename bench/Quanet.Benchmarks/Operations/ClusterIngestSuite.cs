using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Quanet.Benchmarks.Suites;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Local;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Server.Collector;
using Quanet.Server.Security;

namespace Quanet.Benchmarks.Operations;

/// <summary>
/// <c>ops-cluster-ingest</c>: events per second acknowledged by the operations cluster's ingestion log on a local
/// 3-node JetStream cluster (R3, file storage): publish-only through <see cref="JetStreamEventLog"/>, and end to end
/// through a <see cref="VesCollector"/> (HTTP, Basic auth, VES parse and validate, publish, 202 after every PubAck).
/// Prints a Markdown table with wall time, this process's CPU and the nats-server processes' CPU.
/// </summary>
public sealed class ClusterIngestSuite : ISuite
{
    public string Name => "ops-cluster-ingest";

    public int Run(string[] args)
    {
        var events = Arg(args, "--events", 200_000);
        var batch = Arg(args, "--batch", 1000);
        var senders = Arg(args, "--senders", 8);
        var nodes = Arg(args, "--nodes", 3);
        var replicas = Arg(args, "--replicas", 3);
        var bundle = Arg(args, "--bundle", 1);
        var program = NatsServerProgram.Find(Environment.GetEnvironmentVariable("PATH"));
        if (program is null)
        {
            Console.Error.WriteLine(NatsServerProgram.MissingMessage);
            return 1;
        }

        return RunAsync(program, events, batch, senders, nodes, replicas, bundle).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(string program, int events, int batch, int senders, int nodes, int replicas, int bundle)
    {
        var folder = Directory.CreateTempSubdirectory("quanet-bench-cluster-").FullName;
        try
        {
            await using var cluster = await LocalNatsCluster.StartAsync(program, folder, nodes, CancellationToken.None);
            var inventory = SyntheticInventory.Create(cellSites: 400, seed: 7);
            var inventoryPath = Path.Combine(folder, "inventory.json");
            await File.WriteAllTextAsync(inventoryPath, InventoryJson.Write(inventory));
            var regions = TopologyRegions.FromInventory(inventory);
            var options = new EventLogOptions { Urls = cluster.Urls, Replicas = replicas, AckTimeout = TimeSpan.FromSeconds(30), BundleSize = bundle };
            await using var log = await JetStreamEventLog.OpenAsync(options, CancellationToken.None);
            var credentials = Path.Combine(folder, "server.db");
            var secret = new ApiKeyStore(credentials).Add("bench", Roles.Operator, DateTimeOffset.UnixEpoch);
            await using var collector = await VesCollector.StartAsync(
                new CollectorOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), CredentialsPath = credentials, InventoryPath = inventoryPath, Log = options },
                CancellationToken.None);

            Console.WriteLine($"{nodes} nats-server nodes, stream R{replicas}, bundles of up to {bundle} events per region, {regions.Regions.Count} regions, {events:N0} events in batches of {batch}, {senders} concurrent senders");
            Console.WriteLine();
            Console.WriteLine("| run | events | messages | batch | senders | wall s | events/s (wall) | client CPU s | nats-server CPU s |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");

            // warm-up (JIT, connections, stream files), not measured
            await PublishOnlyAsync(log, Entries(Generate(inventory, "w", 20_000, batch), regions), senders);
            await EndToEndAsync(collector, secret, Generate(inventory, "x", 20_000, batch), senders);

            var publishEntries = Entries(Generate(inventory, "p", events, batch), regions);
            await MeasureAsync("publish only: JetStreamEventLog.PublishAsync", log, cluster, events, batch, senders, () => PublishOnlyAsync(log, publishEntries, senders));
            var bodies = Generate(inventory, "c", events, batch);
            await MeasureAsync("**end to end: HTTP VES batch -> collector -> R3 stream, 202 after every PubAck**", log, cluster, events, batch, senders, () => EndToEndAsync(collector, secret, bodies, senders));
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task MeasureAsync(string name, JetStreamEventLog log, LocalNatsCluster cluster, int events, int batch, int senders, Func<Task> run)
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true);
        var before = (await log.StateAsync(CancellationToken.None)).Events;
        var serverCpu = ServerCpu(cluster);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var watch = Stopwatch.StartNew();
        await run();
        var seconds = watch.Elapsed.TotalSeconds;
        cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - cpu;
        serverCpu = ServerCpu(cluster) - serverCpu;
        var messages = (await log.StateAsync(CancellationToken.None)).Events - before;
        if (log.Options.BundleSize == 1 && messages != events)
        {
            throw new InvalidOperationException($"{name}: {events} events acknowledged but {messages} stored");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {events:N0} | {messages:N0} | {batch} | {senders} | {seconds:F2} | {events / seconds:N0} | {cpu:F2} | {serverCpu:F2} |"));
    }

    private static async Task PublishOnlyAsync(JetStreamEventLog log, List<EventToLog[]> batches, int senders)
    {
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < batches.Count)
            {
                var receipt = await log.PublishAsync(batches[i], CancellationToken.None);
                if (receipt.Stored != batches[i].Length)
                {
                    throw new InvalidOperationException($"batch {i}: {batches[i].Length} events, {receipt.Stored} stored");
                }
            }
        })));
    }

    private static async Task EndToEndAsync(VesCollector collector, string secret, List<byte[]> bodies, int senders)
    {
        using var http = new HttpClient { BaseAddress = collector.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("bench:" + secret)));
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, senders).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < bodies.Count)
            {
                using var content = new ByteArrayContent(bodies[i]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                using var response = await http.PostAsync("eventListener/v7/eventBatch", content);
                var answer = await response.Content.ReadAsStringAsync();
                if (response.StatusCode != HttpStatusCode.Accepted || !answer.EndsWith(",\"duplicates\":0}", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"batch {i}: {(int)response.StatusCode} {answer}");
                }
            }
        })));
    }

    private static List<EventToLog[]> Entries(List<byte[]> bodies, TopologyRegions regions) =>
        [.. bodies.Select(b => VesLogEntries.From(VesParser.ParseBody(b), regions))];

    /// <summary>70 % fault raises and clears, 30 % measurements, over the inventory's elements (so over its regions).</summary>
    internal static List<byte[]> Generate(NetworkInventory inventory, string prefix, int count, int batch)
    {
        var rng = new Random(42);
        var elements = inventory.Elements;
        var bodies = new List<byte[]>();
        var current = new List<VesEvent>(batch);
        for (var i = 0; i < count; i++)
        {
            var t = 1_700_000_000_000_000L + (i * 1000L);
            var source = elements[rng.Next(elements.Count)].Id;
            var id = string.Create(CultureInfo.InvariantCulture, $"{prefix}{i}");
            current.Add(rng.NextDouble() < 0.3
                ? new VesEvent
                {
                    Domain = "measurement",
                    EventId = id,
                    EventName = "Measurement_cells",
                    SourceName = source,
                    ReportingEntityName = "du",
                    Priority = "Normal",
                    Version = "4.1",
                    VesEventListenerVersion = "7.2.1",
                    StartEpochMicrosec = t,
                    LastEpochMicrosec = t,
                    MeasurementInterval = 900,
                    Measurements = [new(source, "prb_utilisation", rng.NextDouble()), new(source, "dl_bler", rng.NextDouble() / 10)],
                }
                : new VesEvent
                {
                    Domain = "fault",
                    EventId = id,
                    EventName = "Fault_RU",
                    SourceName = source,
                    ReportingEntityName = "ems",
                    Priority = "High",
                    Version = "4.1",
                    VesEventListenerVersion = "7.2.1",
                    StartEpochMicrosec = t,
                    LastEpochMicrosec = t,
                    AlarmCondition = rng.NextDouble() < 0.5 ? "NE_UNREACHABLE" : "FRONTHAUL_LOSS",
                    Severity = rng.NextDouble() < 0.3 ? VesSeverity.Normal : VesSeverity.Critical,
                    SpecificProblem = "fault",
                    VfStatus = "Active",
                });
            if (current.Count == batch || i == count - 1)
            {
                bodies.Add(Encoding.UTF8.GetBytes(VesEventWriter.ToBatchJson(current)));
                current.Clear();
            }
        }

        return bodies;
    }

    // utime + stime of every nats-server process, from /proc/PID/stat (clock ticks of 1/100 s on Linux)
    private static double ServerCpu(LocalNatsCluster cluster)
    {
        var total = 0.0;
        foreach (var node in cluster.Nodes)
        {
            if (node.ProcessId is { } pid && File.Exists($"/proc/{pid}/stat"))
            {
                var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                total += (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
            }
        }

        return total;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
