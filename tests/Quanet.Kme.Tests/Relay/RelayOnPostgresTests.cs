using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Protocol;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary>
/// Trusted relay and the pre-relayed pool with KMEs on PostgreSQL: a chain KME_1 - KME_2 - KME_3 - KME_4 in this
/// process with real mutual TLS, where the first (KME_1), a transit (KME_2) and the last KME (KME_4) keep their state
/// in PostgreSQL and KME_3 in SQLite, on a frozen clock so that the link pools do not refill while the test counts.
/// </summary>
public sealed class RelayOnPostgresTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    private static readonly (int, int)[] Chain = [(1, 2), (2, 3), (3, 4)];

    [Theory]
    [PostgresStore]
    public async Task Keys_relayed_at_once_across_both_stores_reach_the_slave_once_with_the_same_bytes_and_every_pad_serves_once(string kind)
    {
        await using var network = await StartChainAsync(kind, relayPoolKeys: 0);
        using var master = network.Client(1);
        using var slave = network.Client(4);
        var before = Levels(network);

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var keys = new List<KeyEntry>();
            for (var i = 0; i < 5; i++)
            {
                var response = await master.GetKeysAsync("SAE_4", 2, 256);
                Assert.Equal(200, response.StatusCode);
                keys.AddRange(response.Value!.Keys);
            }

            return keys;
        }));
        var issued = answers.SelectMany(a => a).ToList();
        var after = Levels(network);
        var wrong = new List<string>();
        foreach (var key in issued)
        {
            var once = await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId]);
            var twice = await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId]);
            if (once.Value?.Keys[0].Key != key.Key || twice.StatusCode != 400)
            {
                wrong.Add($"{key.KeyId}: {once.StatusCode}/{twice.StatusCode}");
            }
        }

        Assert.Equal(80, issued.Select(k => k.KeyId).Distinct().Count());
        Assert.Empty(wrong);
        Assert.Equal(before.Select(b => b - 80), after); // one 256-bit block per key on every link, at both ends
        Assert.Equal(["first"], (await network[1].ListRelaysAsync()).Select(r => r.Role).Distinct());
        Assert.Equal(["last"], (await network[4].ListRelaysAsync()).Select(r => r.Role).Distinct());
        for (var kme = 1; kme <= 3; kme++)
        {
            var sent = (await network[kme].ListRelaysAsync()).SelectMany(r => r.OutBlocks.Split(',')).Order().ToList();
            var received = (await network[kme + 1].ListRelaysAsync()).SelectMany(r => r.InBlocks.Split(',')).Order().ToList();
            Assert.Equal(80, sent.Distinct().Count());
            Assert.Equal(sent, received);
        }

        Assert.Equal(80, (await network[1].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_1" && d.Call == KeyDeliveryCall.EncKeys));
        Assert.Equal(80, (await network[4].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_4" && d.Call == KeyDeliveryCall.DecKeys));
    }

    [Theory]
    [PostgresStore]
    public async Task A_pre_relayed_pool_in_PostgreSQL_serves_enc_keys_without_crossing_a_link_and_each_key_once(string kind)
    {
        await using var network = await StartChainAsync(kind, relayPoolKeys: 100);
        using var master = network.Client(1);
        using var slave = network.Client(4);

        var first = await master.GetKeysAsync("SAE_4", 1, 256); // the pair's first request: relayed now, and the pool starts filling
        await Poll.UntilAsync(() => network[1].PreRelayedKeys("SAE_1", "SAE_4") == 100, "pool filled", TimeSpan.FromSeconds(60));
        await Task.Delay(500); // the fill loop sees the pool full and waits on the frozen clock: no top-up during the draws
        var linksBefore = Levels(network);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(async _ =>
        {
            var keys = new List<KeyEntry>();
            for (var i = 0; i < 5; i++)
            {
                var response = await master.GetKeysAsync("SAE_4", 2, 256);
                Assert.Equal(200, response.StatusCode);
                keys.AddRange(response.Value!.Keys);
            }

            return keys;
        }));
        var issued = answers.SelectMany(a => a).ToList();
        var linksAfter = Levels(network);
        var fetched = new List<string>();
        var again = new List<int>();
        foreach (var key in issued)
        {
            fetched.Add((await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId])).Value!.Keys[0].Key);
            again.Add((await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId])).StatusCode);
        }

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(linksBefore, linksAfter); // served from the pool: no pad taken on any link
        Assert.Equal(50, network[1].PreRelayedKeys("SAE_1", "SAE_4"));
        Assert.Equal(50, issued.Select(k => k.KeyId).Distinct().Count());
        Assert.Equal(issued.Select(k => k.Key), fetched);
        Assert.All(again, status => Assert.Equal(400, status));
        Assert.Equal(51, (await network[1].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_1" && d.Call == KeyDeliveryCall.EncKeys));
        Assert.Equal(1 + 100, (await network[1].ListRelaysAsync()).Sum(r => r.KeyIds.Split(',').Length)); // one synchronous key, then the pool's batches
    }

    /// <summary>The chain with KME_1, KME_2 and KME_4 on PostgreSQL, on a frozen clock after one second of supply (2000 blocks per link).</summary>
    private async Task<KmeNetwork> StartChainAsync(string kind, int relayPoolKeys)
    {
        var postgres = new Dictionary<int, string>
        {
            [1] = await stores.NewLocationAsync(kind),
            [2] = await stores.NewLocationAsync(kind),
            [4] = await stores.NewLocationAsync(kind),
        };
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new KmeNetwork(4, Chain, rateBitsPerSecond: 256 * 2000, relayPoolKeys: relayPoolKeys);
        try
        {
            await network.StartAsync(time, postgres);
            time.Advance(TimeSpan.FromSeconds(1));
            await Poll.UntilAsync(
                () => Chain.All(l => network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]) == 2000 && network[l.Item2].LinkPoolBlocks(network.Ids[l.Item1 - 1]) == 2000),
                "link pools filled",
                TimeSpan.FromSeconds(60));
            await Task.Delay(300); // the leader marks its copy ready right after the follower stored it
            return network;
        }
        catch
        {
            await network.DisposeAsync();
            throw;
        }
    }

    private static List<long> Levels(KmeNetwork network) =>
        [.. Chain.SelectMany(l => new[] { network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]), network[l.Item2].LinkPoolBlocks(network.Ids[l.Item1 - 1]) })];
}
