using System.Collections.Concurrent;
using System.Security.Cryptography;
using Quanet.Kme.Client;
using Quanet.Kme.Relay;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary>
/// Real <c>quanet kme serve --topology</c> processes: kill -9 of a KME in the middle of a stream of relays (with the
/// killed KME and the last one on SQLite, or on PostgreSQL), and a failed link routed around.
/// </summary>
public sealed class RelayCrashTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task After_a_middle_KME_is_killed_and_restarted_every_key_answered_to_the_master_is_fetched_exactly_once(string kind)
    {
        await using var network = new KmeNetwork(4, [(1, 2), (2, 3), (3, 4)]);
        var kmes = new KmeProcess?[5];

        // On PostgreSQL: the KME killed (KME_2, transit) and the last one (KME_4), so that both ends of a relay's
        // idempotency records, the hop re-sent after the restart and the keys kept for the slave, are in the database.
        var databases = new string?[5];
        if (kind == "postgresql")
        {
            databases[2] = await stores.NewLocationAsync(kind);
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
            var refused = 0;
            using var stop = new CancellationTokenSource();
            var load = Stream(master, "SAE_4", acknowledged, () => Interlocked.Increment(ref refused), stop.Token);

            await Poll.UntilAsync(() => acknowledged.Count >= 150, "150 relayed keys before the kill");
            kmes[2]!.KillHard(); // in the middle of the stream
            await Task.Delay(2500); // longer than the 2 s relay budget: relays asked meanwhile are answered 503
            kmes[2] = await KmeProcess.StartAsync(network.ServeArguments(2, databases[2]));
            var atRestart = acknowledged.Count;
            await Poll.UntilAsync(() => acknowledged.Count >= atRestart + 150, "150 more relayed keys after the restart");
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

            var padsSent = (await AuditTrail.ReadRelaysAsync(network.StorePath(1))).SelectMany(r => r.OutBlocks.Split(',')).ToList();
            var atKilled = await RelaysAsync(network, 2, databases[2]);
            var padsSentByKilled = atKilled.SelectMany(r => r.OutBlocks.Split(',')).ToList();

            Assert.True(refused > 0, "the kill should have made some relays fail (answered 503)");
            Assert.Empty(wrong);
            Assert.Equal(padsSent.Count, padsSent.Distinct().Count());
            Assert.Equal(padsSentByKilled.Count, padsSentByKilled.Distinct().Count());
            Assert.Equal(atKilled.Count, atKilled.Select(r => r.RelayId).Distinct().Count()); // a retried relay is recorded, and padded, once
        }
        finally
        {
            foreach (var kme in kmes)
            {
                kme?.Dispose();
            }
        }
    }

    [Fact]
    public async Task When_a_KME_on_the_path_fails_requests_succeed_on_the_other_side_of_the_ring()
    {
        // ring KME_1 - KME_2 - KME_3 - KME_4 - KME_1: two paths of two hops from KME_1 to KME_3
        await using var network = new KmeNetwork(4, [(1, 2), (2, 3), (3, 4), (4, 1)]);
        var kmes = new KmeProcess?[5];
        try
        {
            for (var i = 1; i <= 4; i++)
            {
                kmes[i] = await KmeProcess.StartAsync(network.ServeArguments(i));
            }

            using var master = network.Client(1);
            var before = new ConcurrentDictionary<string, string>();
            var refusedBefore = 0;
            using (var warmUp = new CancellationTokenSource())
            {
                var load = Stream(master, "SAE_3", before, () => Interlocked.Increment(ref refusedBefore), warmUp.Token);
                await Poll.UntilAsync(() => before.Count >= 100, "100 relayed keys before the failure");
                await warmUp.CancelAsync();
                await load;
            }

            var used = (await AuditTrail.ReadRelaysAsync(network.StorePath(1)))[^1].To;
            var victim = used == "KME_2" ? 2 : 4;
            kmes[victim]!.KillHard();
            var after = new ConcurrentDictionary<string, string>();
            var refusedAfter = 0;
            using (var stop = new CancellationTokenSource())
            {
                var load = Stream(master, "SAE_3", after, () => Interlocked.Increment(ref refusedAfter), stop.Token);
                await Poll.UntilAsync(() => after.Count >= 100 || refusedAfter > 0, "100 relayed keys after the failure");
                await stop.CancelAsync();
                await load;
            }

            using var slave = network.Client(3);
            var wrong = new List<string>();
            foreach (var (id, key) in before.Concat(after))
            {
                var once = await slave.GetKeysWithIdsAsync("SAE_1", [id]);
                var twice = await slave.GetKeysWithIdsAsync("SAE_1", [id]);
                if (once.Value?.Keys[0].Key != key || twice.StatusCode != 400)
                {
                    wrong.Add($"{id}: {once.StatusCode}/{twice.StatusCode}");
                }
            }

            var survivor = victim == 2 ? "KME_4" : "KME_2";
            Assert.Equal(0, refusedAfter); // every request after the failure succeeded, each within the 2 s relay timeout
            Assert.Empty(wrong);
            Assert.Equal(survivor, (await AuditTrail.ReadRelaysAsync(network.StorePath(1)))[^1].To);
        }
        finally
        {
            foreach (var kme in kmes)
            {
                kme?.Dispose();
            }
        }
    }

    /// <summary>The relay audit trail of KME <paramref name="kme"/>: its SQLite file, or its PostgreSQL <paramref name="database"/>.</summary>
    private static async Task<IReadOnlyList<RelayAuditEntry>> RelaysAsync(KmeNetwork network, int kme, string? database)
    {
        if (database is null)
        {
            return await AuditTrail.ReadRelaysAsync(network.StorePath(kme));
        }

        using var store = await StoreFixture.OpenAsync("postgresql", database, RandomNumberGenerator.GetBytes(32)); // the audit trail holds no sealed material
        return await store.ListRelaysAsync();
    }

    /// <summary>Four clients asking <paramref name="slave"/>'s keys one at a time until <paramref name="stop"/>; answered keys go to <paramref name="acknowledged"/>.</summary>
    private static Task Stream(KmeClient master, string slave, ConcurrentDictionary<string, string> acknowledged, Action refused, CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (!stop.IsCancellationRequested)
            {
                var response = await master.GetKeysAsync(slave, 1, 256);
                if (response.Value is { } keys)
                {
                    acknowledged[keys.Keys[0].KeyId] = keys.Keys[0].Key;
                }
                else
                {
                    refused();
                }
            }
        }));
}
