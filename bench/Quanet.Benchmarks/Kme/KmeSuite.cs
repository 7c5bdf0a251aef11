using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Quanet.Benchmarks.Suites;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;

namespace Quanet.Benchmarks.Kme;

/// <summary>
/// <c>kme</c>: requests per second and latency of ETSI GS QKD 014 calls over HTTPS with mutual TLS on loopback,
/// keep-alive connections, a bounded number of requests and a time cap. Rows: Get status (no store write, the
/// baseline), enc_keys of one 256-bit key with the slave on the same KME, and enc_keys with the slave at a
/// peer KME (adds the grouped KME-to-KME hand-over before the answer; baseline: one call per request), on SQLite and, when the PostgreSQL server
/// programs are installed, on a throw-away PostgreSQL server.
/// Arguments: <c>--requests N</c> (default 20000), <c>--concurrency C</c> (default 32), <c>--seconds S</c> (cap per row, default 60),
/// <c>--no-postgres</c> to leave out the PostgreSQL rows.
/// </summary>
public sealed class KmeSuite : ISuite
{
    public string Name => "kme";

    public int Run(string[] args)
    {
        var requests = Arg(args, "--requests", 20_000);
        var concurrency = Arg(args, "--concurrency", 32);
        var seconds = Arg(args, "--seconds", 60);
        return RunAsync(requests, concurrency, TimeSpan.FromSeconds(seconds), !args.Contains("--no-postgres")).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int requests, int concurrency, TimeSpan cap, bool postgres)
    {
        var folder = Directory.CreateTempSubdirectory("quanet-kme-bench-").FullName;
        string? skipped = "--no-postgres";
        using var server = postgres ? ThrowAwayPostgres.TryStart(out skipped) : null;
        try
        {
            DevCertificateAuthority.Write(folder, ["KME_A", "KME_B"], ["SAE_A", "SAE_B", "SAE_C"], DateTimeOffset.UtcNow);
            var ca = CertificateFiles.LoadCertificate(Path.Combine(folder, "ca.crt"));
            var sae = CertificateFiles.LoadCertificateWithKey(Path.Combine(folder, "SAE_A.crt"), Path.Combine(folder, "SAE_A.key"));
            Console.WriteLine($"KME suite: {requests} requests per row, {concurrency} keep-alive connections, cap {cap.TotalSeconds:F0} s per row, {Environment.ProcessorCount} cores");
            Console.WriteLine("CPU s: CPU time of this process (load generator and KMEs) during the row; a PostgreSQL server's own CPU time is not included.");
            Console.WriteLine();
            Console.WriteLine("| call | store | requests | ok | req/s | p50 ms | p99 ms | max ms | CPU s | keys per hand-over call |");
            Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
            await PairRowsAsync(folder, "sqlite", null, ca, sae, requests, concurrency, cap, withBaseline: true);
            await UngroupedRowAsync(folder, ca, sae, requests, concurrency, cap);
            await using (var fast = await KmeServer.StartAsync(Normal(Options(folder, "KME_A", 0, "", 0, requests), folder), TimeProvider.System))
            {
                using var fastClient = new KmeClient(fast.BaseAddress, sae, ca);
                await WaitForPoolAsync(fastClient, "SAE_C", requests + 1000);
                await Row("enc_keys 1 x 256 bit, slave on same KME", "sqlite, durability normal", fastClient, c => c.GetKeysAsync("SAE_C", 1, 256), requests, concurrency, cap, null);
            }

            if (server is not null)
            {
                await PairRowsAsync(folder, "postgresql", server, ca, sae, requests, concurrency, cap, withBaseline: false);
            }
            else
            {
                Console.WriteLine($"| enc_keys on PostgreSQL | postgresql | - | - | - | - | - | - | - | - |");
                Console.Error.WriteLine($"PostgreSQL rows skipped: {skipped}");
            }

            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Two linked KMEs on <paramref name="kind"/> stores: same-KME and cross-site enc_keys rows (durability full).</summary>
    private static async Task PairRowsAsync(string folder, string kind, ThrowAwayPostgres? server, System.Security.Cryptography.X509Certificates.X509Certificate2 ca,
        System.Security.Cryptography.X509Certificates.X509Certificate2 sae, int requests, int concurrency, TimeSpan cap, bool withBaseline)
    {
        var portA = FreePort();
        var portB = FreePort();
        var optionsA = Options(folder, "KME_A", portA, "KME_B", portB, requests);
        var optionsB = Options(folder, "KME_B", portB, "KME_A", portA, requests);
        optionsA.StorePath = Path.Combine(folder, kind + "-a.db");
        optionsB.StorePath = Path.Combine(folder, kind + "-b.db");
        if (server is not null)
        {
            optionsA.Store = new StoreOptions { Kind = "postgresql", ConnectionString = server.CreateDatabase() };
            optionsB.Store = new StoreOptions { Kind = "postgresql", ConnectionString = server.CreateDatabase() };
        }

        await using var a = await KmeServer.StartAsync(optionsA, TimeProvider.System);
        await using var b = await KmeServer.StartAsync(optionsB, TimeProvider.System);
        using var client = new KmeClient(a.BaseAddress, sae, ca);
        await WaitForPoolAsync(client, "SAE_C", requests + 1000);
        await WaitForPoolAsync(client, "SAE_B", requests + 1000);
        var store = kind + ", durability full";
        if (withBaseline)
        {
            await Row("Get status (baseline, no store write)", store, client, c => c.GetStatusAsync("SAE_C"), requests, concurrency, cap, null);
        }

        await Row("enc_keys 1 x 256 bit, slave on same KME", store, client, c => c.GetKeysAsync("SAE_C", 1, 256), requests, concurrency, cap, null);
        await Row("enc_keys 1 x 256 bit, slave at peer KME", store, client, c => c.GetKeysAsync("SAE_B", 1, 256), requests, concurrency, cap, () => a.PeerHandOverCalls);
    }

    /// <summary>Baseline of the grouped hand-over: the cross-site row with one KME-to-KME call per request.</summary>
    private static async Task UngroupedRowAsync(string folder, System.Security.Cryptography.X509Certificates.X509Certificate2 ca,
        System.Security.Cryptography.X509Certificates.X509Certificate2 sae, int requests, int concurrency, TimeSpan cap)
    {
        var portA = FreePort();
        var portB = FreePort();
        var optionsA = Options(folder, "KME_A", portA, "KME_B", portB, requests);
        var optionsB = Options(folder, "KME_B", portB, "KME_A", portA, requests);
        optionsA.StorePath = Path.Combine(folder, "ungrouped-a.db");
        optionsB.StorePath = Path.Combine(folder, "ungrouped-b.db");
        optionsA.GroupPeerHandOver = false;
        await using var a = await KmeServer.StartAsync(optionsA, TimeProvider.System);
        await using var b = await KmeServer.StartAsync(optionsB, TimeProvider.System);
        using var client = new KmeClient(a.BaseAddress, sae, ca);
        await WaitForPoolAsync(client, "SAE_B", requests + 1000);
        await Row("enc_keys 1 x 256 bit, slave at peer KME, one hand-over call per request (baseline)", "sqlite, durability full", client, c => c.GetKeysAsync("SAE_B", 1, 256), requests, concurrency, cap, () => a.PeerHandOverCalls);
    }

    private static async Task Row<T>(string name, string store, KmeClient client, Func<KmeClient, Task<KmeResponse<T>>> call, int requests, int concurrency, TimeSpan cap, Func<long>? handOverCalls)
        where T : class
    {
        for (var i = 0; i < 200; i++)
        {
            await call(client);
        }

        var callsBefore = handOverCalls?.Invoke() ?? 0;
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
                    var response = await call(client);
                    latencies[index] = Stopwatch.GetTimestamp() - t0;
                    if (response.StatusCode == 200)
                    {
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
        var calls = (handOverCalls?.Invoke() ?? 0) - callsBefore;
        var done = Math.Min(requests, next + 1); // every index claimed (deadline checked first) was sent and answered
        var sorted = latencies.AsSpan(0, done).ToArray();
        Array.Sort(sorted);
        double Ms(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {store} | {done} | {ok} | {done / elapsed:F0} | {Ms(sorted[done / 2]):F2} | {Ms(sorted[(int)(done * 0.99)]):F2} | {Ms(sorted[^1]):F2} | {cpu:F1} | {(handOverCalls is null ? "-" : calls == 0 ? "0 calls" : (ok / (double)calls).ToString("F1", CultureInfo.InvariantCulture))} |"));
        if (firstError is not null)
        {
            Console.Error.WriteLine($"{name}: first failure: {firstError}");
        }
    }

    private static KmeOptions Options(string folder, string kme, int port, string peer, int peerPort, int requests)
    {
        var options = new KmeOptions
        {
            KmeId = kme,
            Listen = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture),
            CaCertificate = Path.Combine(folder, "ca.crt"),
            Certificate = Path.Combine(folder, kme + ".crt"),
            PrivateKey = Path.Combine(folder, kme + ".key"),
            StorePath = Path.Combine(folder, kme + ".db"),
            StoreKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            MaxKeyCount = (2L * requests) + 4000,
            PeerKmeId = peer,
            PeerUrl = "https://127.0.0.1:" + peerPort.ToString(CultureInfo.InvariantCulture),
            Supply = new KeySupplyOptions { RateBitsPerSecond = 20_000_000 },
        };
        options.Saes.Add(new SaeEntry { Id = "SAE_A", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_C", Kme = "KME_A" });
        options.Saes.Add(new SaeEntry { Id = "SAE_B", Kme = "KME_B" });
        return options;
    }

    private static KmeOptions Normal(KmeOptions options, string folder)
    {
        options.Durability = "normal";
        options.PeerKmeId = "";
        options.PeerUrl = "";
        options.StorePath = Path.Combine(folder, "normal.db");
        options.Saes[2].Kme = "KME_A";
        return options;
    }

    private static async Task WaitForPoolAsync(KmeClient client, string slave, long keys)
    {
        var deadline = DateTime.UtcNow.AddMinutes(3);
        while ((await client.GetStatusAsync(slave)).Value?.StoredKeyCount < keys && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
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
}
