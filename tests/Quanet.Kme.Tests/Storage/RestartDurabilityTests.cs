using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Quanet.Kme.Client;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Storage;

/// <summary>kill -9 of a running <c>quanet kme serve</c> under load, then restart on the same store (SQLite file or PostgreSQL database).</summary>
public sealed class RestartDurabilityTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task After_a_hard_kill_every_acknowledged_key_is_still_fetchable_exactly_once(string kind)
    {
        using var pki = new Pki();
        var port = Ports.Free();
        var listen = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        string[] serve = kind == "sqlite"
            ? ["kme", "serve", "--kme-id", "KME_A", "--certs", pki.Folder, "--sae", "SAE_A", "--sae", "SAE_B", "--listen", listen, "--rate", "2000000"]
            : ["kme", "serve", "--config", await PostgresConfigAsync(pki.Folder, listen), "--rate", "2000000"];
        var url = new Uri("https://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture));
        var acknowledged = new ConcurrentDictionary<string, string>();

        using (var first = await KmeProcess.StartAsync(serve))
        {
            using var master = new KmeClient(url, pki.Identity("SAE_A"), pki.Ca);
            await KmePair.WaitForKeysAsync(master, "SAE_B", 1000);
            using var stop = new CancellationTokenSource();
            var load = Enumerable.Range(0, 8).Select(async _ =>
            {
                while (!stop.IsCancellationRequested)
                {
                    try
                    {
                        var response = await master.GetKeysAsync("SAE_B", 1, 256);
                        if (response.Value is { } keys)
                        {
                            acknowledged[keys.Keys[0].KeyId] = keys.Keys[0].Key;
                        }
                    }
                    catch (HttpRequestException)
                    {
                        return; // the server is gone
                    }
                    catch (TaskCanceledException)
                    {
                        return;
                    }
                }
            }).ToArray();
            // a deadline, so that a KME that stops handing out keys fails the test instead of hanging it
            var deadline = Stopwatch.StartNew();
            while (acknowledged.Count < 300)
            {
                Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(120) && !load.All(t => t.IsCompleted), $"only {acknowledged.Count} of 300 keys acknowledged in {deadline.Elapsed.TotalSeconds:F0} s");
                await Task.Delay(10);
            }

            first.KillHard(); // in the middle of the request stream
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        using var second = await KmeProcess.StartAsync(serve);
        using var slave = new KmeClient(url, pki.Identity("SAE_B"), pki.Ca);
        var missing = new List<string>();
        foreach (var (id, key) in acknowledged)
        {
            var once = await slave.GetKeysWithIdsAsync("SAE_A", [id]);
            var twice = await slave.GetKeysWithIdsAsync("SAE_A", [id]);
            if (once.Value?.Keys[0].Key != key || twice.StatusCode != 400)
            {
                missing.Add($"{id}: {once.StatusCode}/{twice.StatusCode}");
            }
        }

        using var masterAgain = new KmeClient(url, pki.Identity("SAE_A"), pki.Ca);
        var fresh = await masterAgain.GetKeysAsync("SAE_B", 1, 256);

        Assert.True(acknowledged.Count >= 300);
        Assert.Empty(missing);
        Assert.Equal(200, fresh.StatusCode);
        Assert.False(acknowledged.ContainsKey(fresh.Value!.Keys[0].KeyId));
        Assert.DoesNotContain(fresh.Value.Keys[0].Key, acknowledged.Values);
    }

    /// <summary>A config file for KME_A (SAE_A, SAE_B attached) whose store is a fresh PostgreSQL database.</summary>
    private async Task<string> PostgresConfigAsync(string folder, string listen)
    {
        var settings = new
        {
            Kme = new
            {
                KmeId = "KME_A",
                Listen = listen,
                CaCertificate = "ca.crt",
                Certificate = "KME_A.crt",
                PrivateKey = "KME_A.key",
                Saes = new[] { new { Id = "SAE_A" }, new { Id = "SAE_B" } },
                Store = new { Kind = "postgresql", ConnectionString = await stores.NewLocationAsync("postgresql") },
                StoreKey = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            },
        };
        var path = Path.Combine(folder, "kme-postgresql.json");
        await File.WriteAllTextAsync(path, System.Text.Json.JsonSerializer.Serialize(settings));
        return path;
    }
}
