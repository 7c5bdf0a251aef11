using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Quanet.Benchmarks.Suites;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Hosting;
using Quanet.Kme.Network;

namespace Quanet.Benchmarks.Kme;

/// <summary>
/// <c>kme-relay</c>: end-to-end ETSI GS QKD 014 delivery across 4 hops of trusted relay. SAE_1 at KME_1 asks
/// enc_keys of one 256-bit key for SAE_5 at KME_5; each answer waits until the key is stored at KME_5. Rows: a chain
/// of 5 KMEs, a ring of 8 (two 4-hop paths), and the chain with a slow link rate (throughput bound by the links).
/// All KMEs run in this process with mutual TLS on 127.0.0.1. With <c>--pool-keys N</c> each row runs twice: synchronous
/// relay, then with N keys per pair pre-relayed (filled to N before the fast rows; refilled during the run). After each
/// row SAE_5 fetches up to 500 of the answered keys with dec_keys at KME_5 and compares them.
/// Arguments: <c>--requests N</c> (default 10000), <c>--concurrency C</c> (default 32), <c>--seconds S</c> (cap per row, default 30),
/// <c>--durability full|normal</c> (default full), <c>--slow-rate BITS</c> (default 128000), <c>--pool-keys N</c> (default 0),
/// <c>--pool-only</c> (with <c>--pool-keys</c>: only the rows with the pool, e.g. to profile them).
/// </summary>
public sealed class RelaySuite : ISuite
{
    public string Name => "kme-relay";

    public int Run(string[] args)
    {
        var durability = Text(args, "--durability", "full");
        return RunAsync(Arg(args, "--requests", 10_000), Arg(args, "--concurrency", 32), TimeSpan.FromSeconds(Arg(args, "--seconds", 30)), durability, Arg(args, "--slow-rate", 128_000),
            Arg(args, "--pool-keys", 0), args.Contains("--pool-only")).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int requests, int concurrency, TimeSpan cap, string durability, int slowRate, int poolKeys, bool poolOnly)
    {
        Console.WriteLine($"Relay suite: {requests} requests per row, {concurrency} concurrent SAE requests, cap {cap.TotalSeconds:F0} s per row, durability {durability}, {Environment.ProcessorCount} cores");
        Console.WriteLine();
        Console.WriteLine("| network | path | link rate | pre-relayed pool | requests | ok | keys/s | p50 ms | p99 ms | max ms | CPU s | pool at start/end | dec_keys checked |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        (int, int)[] chain = [(1, 2), (2, 3), (3, 4), (4, 5)];
        (int, int)[] ring = [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7), (7, 8), (8, 1)];
        foreach (var pool in poolKeys <= 0 ? [0] : poolOnly ? [poolKeys] : new[] { 0, poolKeys })
        {
            await RowAsync("chain of 5", "4 hops", 8, chain, 5, 20_000_000, requests, concurrency, cap, durability, prefill: true, pool);
            await RowAsync("ring of 8", "2 paths of 4 hops", 8, ring, 5, 20_000_000, requests, concurrency, cap, durability, prefill: true, pool);
            await RowAsync("chain of 5", "4 hops", 5, chain, 5, slowRate, requests, concurrency, cap, durability, prefill: false, pool);
        }

        return 0;
    }

    private static async Task RowAsync(string network, string path, int kmes, (int A, int B)[] links, int destination, double rate, int requests, int concurrency,
        TimeSpan cap, string durability, bool prefill, int poolKeys)
    {
        var folder = Directory.CreateTempSubdirectory("quanet-relay-bench-").FullName;
        var servers = new List<KmeServer>();
        try
        {
            var ids = Enumerable.Range(1, kmes).Select(i => "KME_" + i.ToString(CultureInfo.InvariantCulture)).ToArray();
            DevCertificateAuthority.Write(folder, ids, ["SAE_1", "SAE_" + destination.ToString(CultureInfo.InvariantCulture)], DateTimeOffset.UtcNow);
            var topologyFile = Path.Combine(folder, "topology.json");
            await File.WriteAllTextAsync(topologyFile, JsonSerializer.Serialize(new
            {
                kmes = ids.Select((id, i) => new { id, listen = "127.0.0.1:" + FreePort().ToString(CultureInfo.InvariantCulture), saes = i == 0 ? new[] { "SAE_1" } : i + 1 == destination ? new[] { "SAE_" + destination.ToString(CultureInfo.InvariantCulture) } : [] }),
                links = links.Select(l => new[] { ids[l.A - 1], ids[l.B - 1] }),
                rate_bits_per_second = rate,
                relay_pool_keys = poolKeys,
            }));
            var topology = NetworkTopology.Load(topologyFile);
            foreach (var id in ids)
            {
                var options = topology.OptionsFor(id, folder);
                options.Durability = durability;
                options.MaxKeyCount = (2L * requests) + 4000;
                servers.Add(await KmeServer.StartAsync(options, TimeProvider.System));
            }

            if (prefill)
            {
                var deadline = DateTime.UtcNow.AddMinutes(3);
                while (links.Any(l => servers[l.A - 1].LinkPoolBlocks(ids[l.B - 1]) < requests + 1000 || servers[l.B - 1].LinkPoolBlocks(ids[l.A - 1]) < requests + 1000) && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }

            var ca = CertificateFiles.LoadCertificate(Path.Combine(folder, "ca.crt"));
            var sae = CertificateFiles.LoadCertificateWithKey(Path.Combine(folder, "SAE_1.crt"), Path.Combine(folder, "SAE_1.key"));
            using var client = new KmeClient(servers[0].BaseAddress, sae, ca);
            var slave = "SAE_" + destination.ToString(CultureInfo.InvariantCulture);
            for (var i = 0; i < (prefill ? 200 : 0); i++)
            {
                await client.GetKeysAsync(slave, 1, 256);
            }

            if (prefill && poolKeys > 0)
            {
                var deadline = DateTime.UtcNow.AddMinutes(1);
                while (servers[0].PreRelayedKeys("SAE_1", slave) < poolKeys && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(100);
                }
            }

            var poolAtStart = servers[0].PreRelayedKeys("SAE_1", slave);
            var answered = await MeasureAsync(string.Create(CultureInfo.InvariantCulture, $"| {network} | {path} | {rate:G3} bit/s | {poolKeys} |"), client, slave, requests, concurrency, cap);
            var poolAtEnd = servers[0].PreRelayedKeys("SAE_1", slave);
            var slaveSae = CertificateFiles.LoadCertificateWithKey(Path.Combine(folder, slave + ".crt"), Path.Combine(folder, slave + ".key"));
            using var slaveClient = new KmeClient(servers[destination - 1].BaseAddress, slaveSae, ca);
            var checkedKeys = 0;
            foreach (var (id, key) in answered.Take(500))
            {
                var fetched = await slaveClient.GetKeyWithIdAsync("SAE_1", id);
                checkedKeys += fetched.Value?.Keys[0].Key == key ? 1 : 0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $" {poolAtStart}/{poolAtEnd} | {checkedKeys}/{Math.Min(500, answered.Count)} |"));
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Runs the load; prints the row up to the CPU column (no line end); returns the answered keys (ID, base64 key).</summary>
    private static async Task<List<(string Id, string Key)>> MeasureAsync(string prefix, KmeClient client, string slave, int requests, int concurrency, TimeSpan cap)
    {
        var answered = new System.Collections.Concurrent.ConcurrentQueue<(string, string)>();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var latencies = new long[requests];
        var next = -1;
        var ok = 0;
        string? firstError = null;
        var deadline = Stopwatch.GetTimestamp() + (long)(cap.TotalSeconds * Stopwatch.Frequency);
        var start = Stopwatch.GetTimestamp();
        var workers = new Task[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            workers[w] = Task.Run(async () =>
            {
                int index;
                while (Stopwatch.GetTimestamp() < deadline && (index = Interlocked.Increment(ref next)) < requests)
                {
                    var t0 = Stopwatch.GetTimestamp();
                    var response = await client.GetKeysAsync(slave, 1, 256);
                    latencies[index] = Stopwatch.GetTimestamp() - t0;
                    if (response.StatusCode == 200)
                    {
                        answered.Enqueue((response.Value!.Keys[0].KeyId, response.Value.Keys[0].Key));
                        Interlocked.Increment(ref ok);
                    }
                    else
                    {
                        Interlocked.CompareExchange(ref firstError, $"{response.StatusCode} {response.Error?.Message}", null);
                    }
                }
            });
        }

        await Task.WhenAll(workers);
        var elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        var done = Math.Min(requests, next + 1);
        var sorted = latencies.AsSpan(0, done).ToArray();
        Array.Sort(sorted);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        Console.Write(string.Create(CultureInfo.InvariantCulture,
            $"{prefix} {done} | {ok} | {ok / elapsed:F0} | {Ms(sorted[done / 2]):F2} | {Ms(sorted[(int)(done * 0.99)]):F2} | {Ms(sorted[^1]):F2} | {cpu:F1} |"));
        if (firstError is not null)
        {
            Console.Error.WriteLine($"{prefix} first failure: {firstError}");
        }

        return [.. answered];
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;
    }

    private static string Text(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
