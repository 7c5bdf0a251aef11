using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Relay;

/// <summary>
/// Trusted relay over a chain KME_1 - KME_2 - KME_3 - KME_4 running in this process with real mutual TLS, on a
/// frozen clock so that the pools do not refill while the test counts them.
/// </summary>
public sealed class RelayTests
{
    private static readonly (int, int)[] Chain = [(1, 2), (2, 3), (3, 4)];

    [Fact]
    public async Task A_key_for_an_SAE_three_hops_away_reaches_it_once_with_the_same_bytes()
    {
        await using var network = await StartChainAsync();
        using var master = network.Client(1);
        using var slave = network.Client(4);

        var issued = await master.GetKeysAsync("SAE_4", 2, 256);
        var ids = issued.Value!.Keys.Select(k => k.KeyId).ToList();
        var fetched = await slave.GetKeysWithIdsAsync("SAE_1", ids);
        var again = await slave.GetKeysWithIdsAsync("SAE_1", [ids[0]]);

        Assert.Equal(200, issued.StatusCode);
        Assert.Equal(200, fetched.StatusCode);
        Assert.Equal(issued.Value.Keys.Select(k => k.Key), fetched.Value!.Keys.Select(k => k.Key));
        Assert.Equal(400, again.StatusCode);
        Assert.Equal(["first", "transit", "transit", "last"], await RolesAsync(network));
        Assert.Equal(2, (await network[1].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_1" && d.Call == KeyDeliveryCall.EncKeys));
        Assert.Equal(2, (await network[4].ListDeliveriesAsync()).Count(d => d.Sae == "SAE_4" && d.Call == KeyDeliveryCall.DecKeys));
    }

    [Fact]
    public async Task Every_link_of_the_path_loses_exactly_the_pad_blocks_at_both_ends_and_no_block_is_used_twice()
    {
        await using var network = await StartChainAsync();
        using var master = network.Client(1);
        var before = Levels(network);

        for (var i = 0; i < 10; i++)
        {
            Assert.Equal(200, (await master.GetKeysAsync("SAE_4", 1, 256)).StatusCode); // 1 block each
        }

        Assert.Equal(200, (await master.GetKeysAsync("SAE_4", 3, 512)).StatusCode); // 3 keys x 2 blocks
        var after = Levels(network);

        const int Used = 10 + 6;
        Assert.Equal(before.Select(b => b - Used), after);
        for (var kme = 1; kme <= 3; kme++)
        {
            var sent = (await network[kme].ListRelaysAsync()).SelectMany(r => r.OutBlocks.Split(',')).ToList();
            var received = (await network[kme + 1].ListRelaysAsync()).SelectMany(r => r.InBlocks.Split(',')).ToList();
            Assert.Equal(Used, sent.Count);
            Assert.Equal(Used, sent.Distinct().Count());
            Assert.Equal(sent, received);
        }
    }

    [Fact]
    public async Task A_request_mixing_slaves_of_two_distant_KMEs_is_refused()
    {
        await using var network = await StartChainAsync();
        using var master = network.Client(1);

        var response = await master.GetKeysAsync("SAE_4", new Protocol.KeyRequest { AdditionalSlaveSaeIds = ["SAE_3"] });

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("same KME", response.Error!.Message, StringComparison.Ordinal);
    }

    /// <summary>The chain on a frozen clock after one second of supply: every link's pool holds the same blocks at both ends.</summary>
    private static async Task<KmeNetwork> StartChainAsync()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var network = new KmeNetwork(4, Chain, rateBitsPerSecond: 256 * 2000);
        await network.StartAsync(time);
        time.Advance(TimeSpan.FromSeconds(1));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (Chain.Any(l => network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]) != 2000 || network[l.Item2].LinkPoolBlocks(network.Ids[l.Item1 - 1]) != 2000))
        {
            Assert.True(DateTime.UtcNow < deadline, "pools did not fill");
            await Task.Delay(20);
        }

        await Task.Delay(300); // the leader marks its copy ready right after the follower stored it
        return network;
    }

    private static List<long> Levels(KmeNetwork network) =>
        [.. Chain.SelectMany(l => new[] { network[l.Item1].LinkPoolBlocks(network.Ids[l.Item2 - 1]), network[l.Item2].LinkPoolBlocks(network.Ids[l.Item1 - 1]) })];

    private static async Task<List<string>> RolesAsync(KmeNetwork network)
    {
        var roles = new List<string>();
        for (var kme = 1; kme <= 4; kme++)
        {
            roles.AddRange((await network[kme].ListRelaysAsync()).Select(r => r.Role));
        }

        return roles;
    }
}
