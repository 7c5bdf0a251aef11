using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Relay;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Storage;

/// <summary>
/// The relay step of <see cref="IKeyStore.RelayStepAsync"/> on both stores, on a path KME_1 - KME_2 - KME_3: each step
/// consumes its pads once however often it is retried, a retry gets back exactly what the first try recorded, a step
/// that fails changes nothing, and the last KME keeps the keys for the slave. On PostgreSQL the retries run through
/// several store instances on one database at once, as several processes of one KME do.
/// </summary>
public sealed class RelayStoreContractTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    private static readonly string InLink = SaeDirectory.LinkName("KME_1", "KME_2");
    private static readonly string OutLink = SaeDirectory.LinkName("KME_2", "KME_3");
    private const int SizeBits = 512; // two blocks per key
    private readonly byte[] _storeKey = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_retried_first_step_returns_the_recorded_hop_and_pads_the_keys_once(string kind)
    {
        await using var kme1 = await SharedAsync(kind);
        await kme1.Any.AppendBlocksAsync(InLink, _ => "KME_1", RandomNumberGenerator.GetBytes(10 * PoolBlocks.BlockBytes), ready: true);
        var keys = RandomNumberGenerator.GetBytes(2 * 2 * PoolBlocks.BlockBytes);
        var step = Step(from: null, inBlocks: [], keys, to: "KME_2");

        var hops = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => kme1[i].RelayStepAsync("KME_1", step))));
        var relays = await kme1.Any.ListRelaysAsync();

        Assert.All(hops, h => Assert.Equal(hops[0]!.Blocks, h!.Blocks));
        Assert.All(hops, h => Assert.Equal(hops[0]!.Ciphertext, h!.Ciphertext));
        Assert.Equal(InLink, hops[0]!.Link);
        Assert.Equal(4, hops[0]!.Blocks.Distinct().Count());
        Assert.Equal(6, kme1.Any.CountAllBlocks(InLink));
        var entry = Assert.Single(relays);
        Assert.Equal(("first", "", "KME_2", RelayRecords.JoinIndices(hops[0]!.Blocks)), (entry.Role, entry.From, entry.To, entry.OutBlocks));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_transit_step_unpads_with_the_named_blocks_and_pads_anew_once_however_often_it_arrives(string kind)
    {
        await using var kme2 = await SharedAsync(kind);
        var inPad = RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes);
        await kme2.Any.InsertPeerBlocksAsync(InLink, 0, inPad, _ => "KME_1");
        var outMaterial = RandomNumberGenerator.GetBytes(6 * PoolBlocks.BlockBytes);
        var outFirst = await kme2.Any.AppendBlocksAsync(OutLink, _ => "KME_2", outMaterial, ready: true);
        var keys = RandomNumberGenerator.GetBytes(inPad.Length);
        var step = Step(from: "KME_1", inBlocks: [0, 1, 2, 3], RelayRecords.Xor(keys, inPad), to: "KME_3");

        var hops = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => kme2[i].RelayStepAsync("KME_2", step))));
        var elsewhere = await Assert.ThrowsAsync<KeyDeliveryException>(() => kme2.Any.RelayStepAsync("KME_2", step with { To = "KME_4" }));
        var roles = (await kme2.Any.ListRelaysAsync()).Select(r => (r.Role, r.InBlocks)).ToList();

        Assert.All(hops, h => Assert.Equal(hops[0]!.Ciphertext, h!.Ciphertext));
        Assert.Equal(OutLink, hops[0]!.Link);
        var outPad = hops[0]!.Blocks.SelectMany(b => outMaterial.AsSpan((int)(b - outFirst) * PoolBlocks.BlockBytes, PoolBlocks.BlockBytes).ToArray()).ToArray();
        Assert.Equal(keys, RelayRecords.Xor(hops[0]!.Ciphertext, outPad));
        Assert.Equal(0, kme2.Any.CountAllBlocks(InLink));
        Assert.Equal(2, kme2.Any.CountAllBlocks(OutLink));
        Assert.Equal(DeliveryError.Unavailable, elsewhere.Error);
        Assert.Equal([("transit", "0,1,2,3")], roles);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_last_step_keeps_the_keys_for_the_slave_once_and_a_retry_changes_nothing(string kind)
    {
        await using var kme3 = await SharedAsync(kind);
        var inPad = RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes);
        await kme3.Any.InsertPeerBlocksAsync(OutLink, 0, inPad, _ => "KME_2");
        var keys = RandomNumberGenerator.GetBytes(inPad.Length);
        var step = Step(from: "KME_2", inBlocks: [0, 1, 2, 3], RelayRecords.Xor(keys, inPad), to: null);

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => kme3[i].RelayStepAsync("KME_3", step))));
        var waiting = kme3.Any.CountKeys();
        var fetched = await kme3.Any.DeliverAsync(step.KeyIds, "SAE_3", "SAE_1");
        var again = await Assert.ThrowsAsync<KeyDeliveryException>(() => kme3.Any.DeliverAsync([step.KeyIds[0]], "SAE_3", "SAE_1"));

        Assert.All(answers, Assert.Null);
        Assert.Equal(2, waiting);
        Assert.Equal(keys.AsSpan(0, SizeBits / 8).ToArray(), fetched[0].Material);
        Assert.Equal(keys.AsSpan(2 * PoolBlocks.BlockBytes, SizeBits / 8).ToArray(), fetched[1].Material);
        Assert.Equal(DeliveryError.BadRequest, again.Error);
        Assert.Equal(0, kme3.Any.CountAllBlocks(OutLink));
        Assert.Equal(["last"], (await kme3.Any.ListRelaysAsync()).Select(r => r.Role));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_step_that_fails_consumes_nothing_and_records_nothing_so_it_can_succeed_later(string kind)
    {
        await using var kme2 = await SharedAsync(kind);
        var inPad = RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes);
        await kme2.Any.InsertPeerBlocksAsync(InLink, 0, inPad, _ => "KME_1");
        await kme2.Any.AppendBlocksAsync(OutLink, _ => "KME_2", RandomNumberGenerator.GetBytes(3 * PoolBlocks.BlockBytes), ready: true);
        var step = Step(from: "KME_1", inBlocks: [0, 1, 2, 3], RandomNumberGenerator.GetBytes(inPad.Length), to: "KME_3");

        var strangeBlocks = await Assert.ThrowsAsync<KeyDeliveryException>(() => kme2.Any.RelayStepAsync("KME_2", step with { InBlocks = [0, 1, 2, 9] }));
        var outOfKey = await Assert.ThrowsAsync<KeyDeliveryException>(() => kme2.Any.RelayStepAsync("KME_2", step));
        var inAfterFailures = kme2.Any.CountAllBlocks(InLink);
        var outAfterFailures = kme2.Any.CountAllBlocks(OutLink);
        await kme2.Any.AppendBlocksAsync(OutLink, _ => "KME_2", RandomNumberGenerator.GetBytes(PoolBlocks.BlockBytes), ready: true);
        var later = await kme2.Any.RelayStepAsync("KME_2", step);

        Assert.Equal(DeliveryError.BadRequest, strangeBlocks.Error);
        Assert.Equal(DeliveryError.Unavailable, outOfKey.Error);
        Assert.Equal((4L, 3L), (inAfterFailures, outAfterFailures));
        Assert.Equal(4, later!.Blocks.Length);
        Assert.Equal((0L, 0L), (kme2.Any.CountAllBlocks(InLink), kme2.Any.CountAllBlocks(OutLink)));
        Assert.Single(await kme2.Any.ListRelaysAsync());
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Different_relays_at_once_take_disjoint_pads_and_an_issue_beside_them_too(string kind)
    {
        await using var kme1 = await SharedAsync(kind);
        await kme1.Any.AppendBlocksAsync(InLink, _ => "KME_1", RandomNumberGenerator.GetBytes(100 * PoolBlocks.BlockBytes), ready: true);

        var relays = Enumerable.Range(0, 20).Select(i => Task.Run(() =>
            kme1[i].RelayStepAsync("KME_1", Step(from: null, inBlocks: [], RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes), to: "KME_2"))));
        var issues = Enumerable.Range(0, 10).Select(i => Task.Run(() =>
            kme1[i].IssueAsync(new IssueRequest(InLink, "KME_1", 1, 256, "SAE_1", ["SAE_2"], [], false))));
        var hops = await Task.WhenAll(relays);
        var issued = await Task.WhenAll(issues);

        var used = hops.SelectMany(h => h!.Blocks).Concat(issued.SelectMany(k => k[0].Blocks)).ToList();
        Assert.Equal(90, used.Count);
        Assert.Equal(90, used.Distinct().Count());
        Assert.Equal(10, kme1.Any.CountAllBlocks(InLink));
        Assert.Equal(20, (await kme1.Any.ListRelaysAsync()).Count);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Keys_relayed_for_a_master_are_audited_as_its_enc_keys_and_the_relay_trail_holds_no_key_material(string kind)
    {
        await using var kme1 = await SharedAsync(kind);
        await kme1.Any.AppendBlocksAsync(InLink, _ => "KME_1", RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes), ready: true);
        var keys = RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes);
        var step = Step(from: null, inBlocks: [], keys, to: "KME_2");

        var hop = await kme1.Any.RelayStepAsync("KME_1", step);
        await kme1.Any.AuditIssueAsync(step.KeyIds, "SAE_1");
        var deliveries = await kme1.Any.ListDeliveriesAsync();
        var trail = string.Join("\n", await kme1.Any.ListRelaysAsync());

        Assert.Equal(step.KeyIds, deliveries.Select(d => d.KeyId));
        Assert.All(deliveries, d => Assert.Equal(("SAE_1", KeyDeliveryCall.EncKeys), (d.Sae, d.Call)));
        Assert.Contains("KME_1>KME_2>KME_3", trail, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToBase64String(keys.AsSpan(0, 16)), trail, StringComparison.Ordinal);
        Assert.DoesNotContain(Convert.ToHexString(hop!.Ciphertext.AsSpan(0, 16)), trail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Relay_records_older_than_the_expiry_cutoff_are_forgotten_and_younger_ones_still_answer_a_retry(string kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 6, 1, 0, 0, TimeSpan.Zero));
        using var kme1 = await StoreFixture.OpenAsync(kind, await stores.NewLocationAsync(kind), _storeKey, time);
        await kme1.AppendBlocksAsync(InLink, _ => "KME_1", RandomNumberGenerator.GetBytes(12 * PoolBlocks.BlockBytes), ready: true);
        var old = Step(from: null, inBlocks: [], RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes), to: "KME_2");
        var oldHop = await kme1.RelayStepAsync("KME_1", old);
        time.Advance(TimeSpan.FromHours(2));
        var young = Step(from: null, inBlocks: [], RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes), to: "KME_2");
        var youngHop = await kme1.RelayStepAsync("KME_1", young);

        await kme1.ExpireAsync(time.GetUtcNow() - TimeSpan.FromHours(1));
        var youngAgain = await kme1.RelayStepAsync("KME_1", young);
        var oldAgain = await kme1.RelayStepAsync("KME_1", old);

        Assert.Equal(youngHop!.Blocks, youngAgain!.Blocks);
        Assert.Equal(youngHop.Ciphertext, youngAgain.Ciphertext);
        Assert.Empty(oldHop!.Blocks.Intersect(oldAgain!.Blocks)); // forgotten: a retry this late is a new hop on fresh blocks
        Assert.Equal(0, kme1.CountAllBlocks(InLink));
    }

    private static RelayStep Step(string? from, long[] inBlocks, byte[] incoming, string? to) =>
        new(Guid.NewGuid().ToString("D"), ["KME_1", "KME_2", "KME_3"], "SAE_1", ["SAE_3"], SizeBits,
            [Guid.NewGuid().ToString("D"), Guid.NewGuid().ToString("D")], from, inBlocks, incoming, to);

    /// <summary>
    /// One KME's store as several handles: on PostgreSQL three store instances on one database (three processes of the
    /// KME), on SQLite one instance (its single writer serialises every caller in the process).
    /// </summary>
    private async Task<SharedStore> SharedAsync(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        var handles = new List<IKeyStore>();
        for (var i = 0; i < (kind == "sqlite" ? 1 : 3); i++)
        {
            handles.Add(await StoreFixture.OpenAsync(kind, location, _storeKey));
        }

        return new SharedStore(handles);
    }

    /// <summary>Handles on one store, handed to callers round-robin.</summary>
    private sealed class SharedStore(List<IKeyStore> handles) : IAsyncDisposable
    {
        public IKeyStore Any => handles[0];

        public IKeyStore this[int caller] => handles[caller % handles.Count];

        public ValueTask DisposeAsync()
        {
            foreach (var handle in handles)
            {
                handle.Dispose();
            }

            return ValueTask.CompletedTask;
        }
    }
}
