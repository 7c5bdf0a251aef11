using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary>
/// The pre-relayed pool over a chain KME_1 - KME_2 - KME_3 - KME_4 in this process with real mutual TLS, on a frozen
/// clock: the links do not refill, and the pool, once full, is not topped up until the clock moves.
/// </summary>
public sealed class RelayPoolTests
{
    private static readonly (int, int)[] Chain = [(1, 2), (2, 3), (3, 4)];

    [Fact]
    public async Task Once_the_pool_is_full_enc_keys_crosses_no_link_and_the_slave_fetches_each_key_once_with_the_same_bytes()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var network = new KmeNetwork(4, Chain, rateBitsPerSecond: 256 * 2000, relayPoolKeys: 200);
        await network.StartAsync(time);
        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => Chain.All(l => network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]) == 2000), "link pools filled", TimeSpan.FromSeconds(60));
        await Task.Delay(300); // the leader marks its copy ready right after the follower stored it
        using var master = network.Client(1);
        using var slave = network.Client(4);

        var first = await master.GetKeysAsync("SAE_4", 1, 256); // the pair's first request: relayed now, and the pool starts filling
        await Poll.UntilAsync(() => network[1].PreRelayedKeys("SAE_1", "SAE_4") == 200, "pool filled", TimeSpan.FromSeconds(60));
        await Task.Delay(500); // the fill loop sees the pool full and waits on the frozen clock: no top-up during the draws
        var linksBefore = Levels(network);
        var statusBefore = await master.GetStatusAsync("SAE_4");
        var answers = new List<Protocol.KeyEntry>();
        for (var i = 0; i < 50; i++)
        {
            var response = await master.GetKeysAsync("SAE_4", 2, 256);
            Assert.Equal(200, response.StatusCode);
            answers.AddRange(response.Value!.Keys);
        }

        var linksAfter = Levels(network);
        var status = await master.GetStatusAsync("SAE_4");
        var fetched = new List<string>();
        var again = new List<int>();
        foreach (var key in answers)
        {
            fetched.Add((await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId])).Value!.Keys[0].Key);
            again.Add((await slave.GetKeysWithIdsAsync("SAE_1", [key.KeyId])).StatusCode);
        }

        Assert.Equal(200, first.StatusCode);
        Assert.Equal(linksBefore, linksAfter); // served from the pool: no pad taken on any link
        Assert.Equal(100, network[1].PreRelayedKeys("SAE_1", "SAE_4"));
        Assert.Equal(100, statusBefore.Value!.StoredKeyCount - status.Value!.StoredKeyCount); // the pool's keys count; the links did not move
        Assert.True(status.Value.StoredKeyCount > 100, $"stored_key_count {status.Value.StoredKeyCount}: the pool's 100 and the first link's keys");
        Assert.Equal(answers.Select(k => k.Key), fetched);
        Assert.All(again, status => Assert.Equal(400, status));
        Assert.Equal(101, (await network[1].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_1" && d.Call == KeyDeliveryCall.EncKeys));
        Assert.Equal(1 + 200, (await network[1].ListRelaysAsync()).Sum(r => r.KeyIds.Split(',').Length)); // one synchronous key, then the pool's batches
    }

    [Fact]
    public async Task Requests_the_pool_cannot_serve_are_relayed_synchronously()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var network = new KmeNetwork(4, Chain, rateBitsPerSecond: 256 * 2000, relayPoolKeys: 20);
        await network.StartAsync(time);
        time.Advance(TimeSpan.FromSeconds(1));
        await Poll.UntilAsync(() => Chain.All(l => network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]) == 2000), "link pools filled", TimeSpan.FromSeconds(60));
        await Task.Delay(300);
        using var master = network.Client(1);
        using var slave = network.Client(4);
        Assert.Equal(200, (await master.GetKeysAsync("SAE_4", 1, 256)).StatusCode);
        await Poll.UntilAsync(() => network[1].PreRelayedKeys("SAE_1", "SAE_4") == 20, "pool filled", TimeSpan.FromSeconds(60));

        var larger = await master.GetKeysAsync("SAE_4", 2, 512); // not the default size
        var more = await master.GetKeysAsync("SAE_4", 30, 256); // more than the pool holds
        var fetched = await slave.GetKeysWithIdsAsync("SAE_1", [.. larger.Value!.Keys.Concat(more.Value!.Keys).Select(k => k.KeyId)]);

        Assert.Equal(200, larger.StatusCode);
        Assert.Equal(200, more.StatusCode);
        Assert.Equal(20, network[1].PreRelayedKeys("SAE_1", "SAE_4"));
        Assert.Equal(larger.Value.Keys.Concat(more.Value.Keys).Select(k => k.Key), fetched.Value!.Keys.Select(k => k.Key));
    }

    private static List<long> Levels(KmeNetwork network) =>
        [.. Chain.SelectMany(l => new[] { network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]), network[l.Item2].LinkPoolBlocks(network.Ids[l.Item1 - 1]) })];
}
