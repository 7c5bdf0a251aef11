using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Quanet.Benchmarks.Suites;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Configuration;
using Quanet.Kme.Consumers;
using Quanet.Kme.Hosting;
using Quanet.Kme.Protocol;
using Quanet.Security.Pqc;

namespace Quanet.Benchmarks.Kme;

/// <summary>
/// <c>kme-psk</c>: the consumer path of issue #20 on loopback, one session after another. Two linked KMEs
/// (SQLite, durability full); per session SAE_1 makes a 256-bit key at KME_1 (enc_keys), SAE_2 fetches it at
/// KME_2 (dec_keys), both turn it into a PSK (plain, or hybrid with ML-KEM-768), and, in the TLS rows, OpenSSL
/// s_server and s_client run one TLS 1.3 external-PSK session carrying 16 KiB under it.
/// Five unmeasured warm-up fetches and one warm-up session come first. Arguments: <c>--sessions N</c> (default 50).
/// </summary>
public sealed class KmePskSuite : ISuite
{
    public string Name => "kme-psk";

    public int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--sessions");
        var sessions = at >= 0 ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 50;
        return RunAsync(sessions).GetAwaiter().GetResult();
    }

    private static async Task<int> RunAsync(int sessions)
    {
        var folder = Directory.CreateTempSubdirectory("quanet-kme-psk-bench-").FullName;
        try
        {
            DevCertificateAuthority.Write(folder, ["KME_1", "KME_2"], ["SAE_1", "SAE_2"], DateTimeOffset.UtcNow);
            var ca = CertificateFiles.LoadCertificate(Path.Combine(folder, "ca.crt"));
            var (port1, port2) = (FreePort(), FreePort());
            await using var kme1 = await KmeServer.StartAsync(Options(folder, "KME_1", port1, "KME_2", port2, sessions), TimeProvider.System);
            await using var kme2 = await KmeServer.StartAsync(Options(folder, "KME_2", port2, "KME_1", port1, sessions), TimeProvider.System);
            using var sae1 = new KmeClient(kme1.BaseAddress, CertificateFiles.LoadCertificateWithKey(Path.Combine(folder, "SAE_1.crt"), Path.Combine(folder, "SAE_1.key")), ca);
            using var sae2 = new KmeClient(kme2.BaseAddress, CertificateFiles.LoadCertificateWithKey(Path.Combine(folder, "SAE_2.crt"), Path.Combine(folder, "SAE_2.key")), ca);
            while ((await sae1.GetStatusAsync("SAE_2")).Value is not { } status || status.StoredKeyCount < (4 * sessions) + 40)
            {
                await Task.Delay(100);
            }

            var kem = MlKem.GenerateKeyPair(MlKemParameterSet.MlKem768);
            // warm-up, not measured: JIT, the keep-alive TLS connections to both KMEs, one OpenSSL session
            for (var i = 0; i < 5; i++)
            {
                await FetchAsync(sae1, sae2, i % 2 == 0 ? null : kem);
            }

            if (OpenSslPskSession.Program is not null)
            {
                var (client, _) = await FetchAsync(sae1, sae2, null);
                await OpenSslPskSession.RunAsync(Convert.ToHexStringLower(client.Key), client.KeyId, new byte[16]);
            }

            Console.WriteLine($"KME PSK consumer suite: {sessions} sessions per row, one at a time, {Environment.ProcessorCount} cores, {OpenSslVersion()}");
            Console.WriteLine();
            Console.WriteLine("| path | sessions | ok | keys/s | p50 ms | p99 ms |");
            Console.WriteLine("|---|---:|---:|---:|---:|---:|");
            await Row("PSK at both ends (enc_keys + dec_keys), plain QKD", sessions, () => FetchAsync(sae1, sae2, null), tls: false);
            await Row("PSK at both ends, hybrid QKD + ML-KEM-768", sessions, () => FetchAsync(sae1, sae2, kem), tls: false);
            if (OpenSslPskSession.Program is null)
            {
                Console.Error.WriteLine("TLS rows skipped: openssl is not installed");
                return 0;
            }

            await Row("PSK at both ends + TLS 1.3 PSK session (16 KiB), plain", sessions, () => FetchAsync(sae1, sae2, null), tls: true);
            await Row("PSK at both ends + TLS 1.3 PSK session (16 KiB), hybrid", sessions, () => FetchAsync(sae1, sae2, kem), tls: true);
            return 0;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task Row(string name, int sessions, Func<Task<(PreSharedKey Client, PreSharedKey Server)>> fetch, bool tls)
    {
        var payload = RandomNumberGenerator.GetBytes(16 * 1024);
        var times = new List<double>(sessions);
        var ok = 0;
        var total = Stopwatch.StartNew();
        for (var i = 0; i < sessions; i++)
        {
            var one = Stopwatch.StartNew();
            var (client, server) = await fetch();
            var good = client.Key.AsSpan().SequenceEqual(server.Key);
            if (tls && good)
            {
                good = await OpenSslPskSession.RunAsync(Convert.ToHexStringLower(server.Key), server.KeyId, payload);
            }

            times.Add(one.Elapsed.TotalMilliseconds);
            ok += good ? 1 : 0;
        }

        var seconds = total.Elapsed.TotalSeconds;
        times.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {sessions} | {ok} | {sessions / seconds:F1} | {times[times.Count / 2]:F1} | {times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)]:F1} |"));
    }

    private static async Task<(PreSharedKey Client, PreSharedKey Server)> FetchAsync(KmeClient sae1, KmeClient sae2, MlKemKeyPair? kem)
    {
        var made = await sae1.GetKeysAsync("SAE_2", new KeyRequest { Number = 1, Size = 256 });
        var client = PreSharedKeys.FromEncKey(made.Value!.Keys[0], "SAE_1", "SAE_2", kem?.EncapsulationKey);
        var fetched = await sae2.GetKeyWithIdAsync("SAE_1", client.KeyId);
        var server = PreSharedKeys.FromDecKey(fetched.Value!.Keys[0], "SAE_1", "SAE_2", kem?.DecapsulationKey, client.KemCiphertext);
        return (client, server);
    }

    private static KmeOptions Options(string folder, string kme, int port, string peer, int peerPort, int sessions)
    {
        var options = KmeDefaults.Local(kme, folder, [], "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        options.Saes.Add(new SaeEntry { Id = "SAE_1", Kme = "KME_1" });
        options.Saes.Add(new SaeEntry { Id = "SAE_2", Kme = "KME_2" });
        options.PeerKmeId = peer;
        options.PeerUrl = "https://127.0.0.1:" + peerPort.ToString(CultureInfo.InvariantCulture);
        options.MaxKeyCount = Math.Max(1000, 8 * sessions);
        options.Supply.RateBitsPerSecond = 10_000_000;
        return options;
    }

    private static string OpenSslVersion()
    {
        if (OpenSslPskSession.Program is null)
        {
            return "no openssl";
        }

        using var process = Process.Start(new ProcessStartInfo(OpenSslPskSession.Program, "version") { RedirectStandardOutput = true })!;
        var version = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit();
        return version;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
