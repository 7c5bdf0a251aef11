using System.Collections.Concurrent;
using System.Security.Cryptography;
using Quanet.Kme.Client;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary>
/// Real <c>quanet kme serve --topology</c> processes with a pre-relayed pool: kill -9 of the pool's two ends under load,
/// with those two KMEs on SQLite or on PostgreSQL.
/// </summary>
public sealed class RelayPoolCrashTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task After_the_first_and_then_the_last_KME_are_killed_and_restarted_every_pooled_key_answered_is_fetched_exactly_once(string kind)
    {
        await using var network = new KmeNetwork(4, [(1, 2), (2, 3), (3, 4)], relayPoolKeys: 300);
        var kmes = new KmeProcess?[5];
        var databases = new string?[5]; // on PostgreSQL: the pool's owner KME_1 and the slave's KME_4, the two killed
        if (kind == "postgresql")
        {
            databases[1] = await stores.NewLocationAsync(kind);
            databases[4] = await stores.NewLocationAsync(kind);
        }

        try
        {
            for (var i = 1; i <= 4; i++)
            {
                kmes[i] = await KmeProcess.StartAsync(network.ServeArguments(i, databases[i]));
            }

            using var master = network.Client(1);
            var acknowledged = new ConcurrentDictionary<string, string>();
            using var stop = new CancellationTokenSource();
            var load = Stream(master, "SAE_4", acknowledged, stop.Token);

            await Poll.UntilAsync(() => acknowledged.Count >= 300, "300 keys before the first kill");
            kmes[1]!.KillHard(); // the pool's owner, in the middle of draws and of batches being relayed
            kmes[1] = await KmeProcess.StartAsync(network.ServeArguments(1, databases[1]));
            var atRestart = acknowledged.Count;
            await Poll.UntilAsync(() => acknowledged.Count >= atRestart + 300, "300 more keys after restarting KME_1");
            kmes[4]!.KillHard(); // the slave's KME, which holds the pooled keys for SAE_4
            await Task.Delay(500);
            kmes[4] = await KmeProcess.StartAsync(network.ServeArguments(4, databases[4]));
            atRestart = acknowledged.Count;
            await Poll.UntilAsync(() => acknowledged.Count >= atRestart + 300, "300 more keys after restarting KME_4");
            await stop.CancelAsync();
            await load;

            using var slave = network.Client(4);
            var wrong = new List<string>();
            foreach (var (id, key) in acknowledged)
            {
                var once = await slave.GetKeysWithIdsAsync("SAE_1", [id]);
                var twice = await slave.GetKeysWithIdsAsync("SAE_1", [id]);
                if (once.Value?.Keys[0].Key != key || twice.StatusCode != 400)
                {
                    wrong.Add($"{id}: {once.StatusCode}/{twice.StatusCode}");
                }
            }

            using var trail = databases[1] is { } database ? await StoreFixture.OpenAsync(kind, database, RandomNumberGenerator.GetBytes(32)) : null; // audit rows hold no sealed material
            var relays = trail is null ? await AuditTrail.ReadRelaysAsync(network.StorePath(1)) : await trail.ListRelaysAsync();
            var padsSent = relays.SelectMany(r => r.OutBlocks.Split(',')).ToList();
            var batched = relays.Where(r => r.KeyIds.Contains(',', StringComparison.Ordinal)).SelectMany(r => r.KeyIds.Split(',')).ToHashSet();
            var handedOut = (trail is null ? await AuditTrail.ReadDeliveriesAsync(network.StorePath(1)) : await trail.ListDeliveriesAsync()).Where(d => d.Call == KeyDeliveryCall.EncKeys).Select(d => d.KeyId).ToList();

            Assert.Empty(wrong);
            Assert.True(acknowledged.Keys.Count(batched.Contains) > acknowledged.Count / 2, "most keys should have come from the pre-relayed pool (relayed in batches)");
            Assert.Equal(padsSent.Count, padsSent.Distinct().Count());
            Assert.Equal(handedOut.Count, handedOut.Distinct().Count()); // no key handed to the master twice, across both restarts
        }
        finally
        {
            foreach (var kme in kmes)
            {
                kme?.Dispose();
            }
        }
    }

    /// <summary>Four clients asking one key at a time until <paramref name="stop"/>; refusals and a KME that is down are retried.</summary>
    private static Task Stream(KmeClient master, string slave, ConcurrentDictionary<string, string> acknowledged, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var response = await master.GetKeysAsync(slave, 1, 256);
                    if (response.Value is { } keys)
                    {
                        acknowledged[keys.Keys[0].KeyId] = keys.Keys[0].Key;
                    }
                }
                catch (HttpRequestException)
                {
                    await Task.Delay(50); // KME_1 is being restarted
                }
            }
        }));
}
