using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Peering;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Storage;

/// <summary>
/// The guarantees every key store gives, run unchanged against SQLite and PostgreSQL: atomic, disjoint cuts from
/// the pool, delivery to each party exactly once, deletion when all have the key, sealed material, peer
/// reconstruction, hand-over bookkeeping, expiry, and state that survives reopening.
/// </summary>
public sealed class KeyStoreContractTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    private const string Link = "KME_A~KME_B";
    private readonly byte[] _storeKey = RandomNumberGenerator.GetBytes(32);

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_key_reaches_its_slave_once_and_is_then_deleted(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 8);

        var issued = await store.IssueAsync(Request(1, 256, ["SAE_B"]));
        var pendingAfterIssue = store.CountKeys();
        var fetched = await store.DeliverAsync([issued[0].KeyId], "SAE_B", "SAE_A");
        var again = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([issued[0].KeyId], "SAE_B", "SAE_A"));

        Assert.Equal(1, pendingAfterIssue);
        Assert.Equal(issued[0].Material, fetched[0].Material);
        Assert.Equal(32, fetched[0].Material.Length);
        Assert.Equal(DeliveryError.BadRequest, again.Error);
        Assert.Equal(0, store.CountKeys());
        Assert.Equal(7, store.CountBlocks(Link, "KME_A"));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Concurrent_requests_cut_disjoint_keys_and_consume_exactly_their_blocks(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 1000);

        var batches = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => store.IssueAsync(Request(10, 512, ["SAE_B"])))));
        var keys = batches.SelectMany(b => b).ToArray();

        Assert.Equal(160, keys.Length);
        Assert.Equal(160, keys.Select(k => k.KeyId).Distinct().Count());
        Assert.Equal(160, keys.Select(k => Convert.ToBase64String(k.Material)).Distinct().Count());
        Assert.Equal(320, keys.SelectMany(k => k.Blocks).Distinct().Count());
        Assert.Equal(1000 - 320, store.CountAllBlocks(Link));
        Assert.Equal(160, store.CountKeys());
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Of_many_simultaneous_fetches_of_one_key_exactly_one_gets_it(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 4);
        var issued = await store.IssueAsync(Request(1, 256, ["SAE_B"]));

        var attempts = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await store.DeliverAsync([issued[0].KeyId], "SAE_B", "SAE_A"))[0].Material;
            }
            catch (KeyDeliveryException ex) when (ex.Error == DeliveryError.BadRequest)
            {
                return null;
            }
        })));

        var winner = Assert.Single(attempts, a => a is not null);
        Assert.Equal(issued[0].Material, winner);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_request_larger_than_the_pool_fails_whole_and_takes_nothing(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 5);

        var refused = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.IssueAsync(Request(3, 512, ["SAE_B"])));

        Assert.Equal(DeliveryError.Unavailable, refused.Error);
        Assert.Equal(5, store.CountAllBlocks(Link));
        Assert.Equal(0, store.CountKeys());
        Assert.Equal(2, (await store.IssueAsync(Request(2, 512, ["SAE_B"]))).Length);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task When_the_pool_runs_short_the_requests_it_can_serve_succeed_and_the_others_fail_alone(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 5);

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Record.ExceptionAsync(() => store.IssueAsync(Request(1, 512, ["SAE_B"])))));

        Assert.Equal(2, outcomes.Count(e => e is null));
        var refused = Assert.IsType<KeyDeliveryException>(Assert.Single(outcomes, e => e is not null));
        Assert.Equal(DeliveryError.Unavailable, refused.Error);
        Assert.Equal(1, store.CountAllBlocks(Link));
        Assert.Equal(2, store.CountKeys());
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_multicast_key_waits_for_every_slave_and_refuses_strangers(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 4);
        var id = (await store.IssueAsync(Request(1, 256, ["SAE_B", "SAE_C"])))[0].KeyId;

        var stranger = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([id], "SAE_D", "SAE_A"));
        var wrongMaster = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([id], "SAE_B", "SAE_C"));
        var byB = await store.DeliverAsync([id], "SAE_B", "SAE_A");
        var stillThere = store.CountKeys();
        var byBAgain = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([id], "SAE_B", "SAE_A"));
        var byC = await store.DeliverAsync([id], "SAE_C", "SAE_A");

        Assert.Equal(DeliveryError.BadRequest, stranger.Error);
        Assert.Equal(DeliveryError.BadRequest, wrongMaster.Error);
        Assert.Equal(byBAgain.Message, stranger.Message); // a stranger learns no more than "not found"
        Assert.Equal(byBAgain.Message, wrongMaster.Message);
        Assert.Equal(1, stillThere);
        Assert.Equal(DeliveryError.BadRequest, byBAgain.Error);
        Assert.Equal(byB[0].Material, byC[0].Material);
        Assert.Equal(0, store.CountKeys());
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_fetch_of_several_keys_is_all_or_nothing(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 4);
        var keys = await store.IssueAsync(Request(2, 256, ["SAE_B"]));

        var refused = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([keys[0].KeyId, Guid.NewGuid().ToString("D")], "SAE_B", "SAE_A"));
        var both = await store.DeliverAsync([keys[1].KeyId, keys[0].KeyId], "SAE_B", "SAE_A");

        Assert.Equal(DeliveryError.BadRequest, refused.Error);
        Assert.Equal(keys[1].Material, both[0].Material);
        Assert.Equal(keys[0].Material, both[1].Material);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_peer_rebuilds_the_same_key_from_its_copy_of_the_blocks_once(string kind)
    {
        using var master = await OpenAsync(kind);
        using var peer = await OpenAsync(kind);
        var material = RandomNumberGenerator.GetBytes(6 * PoolBlocks.BlockBytes);
        await master.InsertPeerBlocksAsync(Link, 0, material, _ => "KME_A");
        await peer.InsertPeerBlocksAsync(Link, 0, material, _ => "KME_A");
        var issued = await master.IssueAsync(Request(2, 768, ["SAE_B"], local: []));
        PeerKey[] announced = [.. issued.Select(k => new PeerKey { KeyId = k.KeyId, Master = "SAE_A", Slaves = ["SAE_B"], SizeBits = 768, Blocks = [.. k.Blocks] })];

        var first = await peer.ApplyPeerKeysAsync(Link, "KME_A", announced, sae => sae == "SAE_B");
        var repeated = await peer.ApplyPeerKeysAsync(Link, "KME_A", announced, sae => sae == "SAE_B");
        var atPeer = await peer.DeliverAsync([issued[0].KeyId, issued[1].KeyId], "SAE_B", "SAE_A");

        Assert.Equal(0, master.CountKeys());
        Assert.Equal(2, first);
        Assert.Equal(0, repeated);
        Assert.Equal(issued[0].Material, atPeer[0].Material);
        Assert.Equal(issued[1].Material, atPeer[1].Material);
        Assert.Equal(0, peer.CountAllBlocks(Link));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_peer_key_naming_blocks_the_peer_does_not_hold_is_refused_whole(string kind)
    {
        using var peer = await OpenAsync(kind);
        await peer.InsertPeerBlocksAsync(Link, 0, RandomNumberGenerator.GetBytes(2 * PoolBlocks.BlockBytes), _ => "KME_A");
        PeerKey[] announced =
        [
            new PeerKey { KeyId = Guid.NewGuid().ToString("D"), Master = "SAE_A", Slaves = ["SAE_B"], SizeBits = 256, Blocks = [0] },
            new PeerKey { KeyId = Guid.NewGuid().ToString("D"), Master = "SAE_A", Slaves = ["SAE_B"], SizeBits = 256, Blocks = [0] },
        ];

        var refused = await Assert.ThrowsAsync<KeyDeliveryException>(() => peer.ApplyPeerKeysAsync(Link, "KME_A", announced, _ => true));

        Assert.Equal(DeliveryError.BadRequest, refused.Error);
        Assert.Equal(2, peer.CountAllBlocks(Link));
        Assert.Equal(0, peer.CountKeys());
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Keys_in_hand_over_are_hidden_until_the_peer_confirms_and_dropped_on_abort_or_restart(string kind)
    {
        using var store = await OpenAsync(kind);
        await FillAsync(store, 6);
        var confirmed = await store.IssueAsync(Request(1, 256, ["SAE_B", "SAE_C"], local: ["SAE_C"], syncing: true));
        var aborted = await store.IssueAsync(Request(1, 256, ["SAE_B", "SAE_C"], local: ["SAE_C"], syncing: true));
        var interrupted = await store.IssueAsync(Request(1, 256, ["SAE_B", "SAE_C"], local: ["SAE_C"], syncing: true));

        var early = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([confirmed[0].KeyId], "SAE_C", "SAE_A"));
        await store.FinishSyncAsync([confirmed[0].KeyId]);
        var abortedCount = await store.AbortSyncAsync([aborted[0].KeyId]);
        var recovered = await store.RecoverInterruptedAsync();
        var fetched = await store.DeliverAsync([confirmed[0].KeyId], "SAE_C", "SAE_A");

        Assert.Equal(DeliveryError.BadRequest, early.Error);
        Assert.Equal(1, abortedCount);
        Assert.Equal(1, recovered);
        Assert.Equal(confirmed[0].Material, fetched[0].Material);
        Assert.Equal(0, store.CountKeys());
        Assert.Equal(3, store.CountAllBlocks(Link));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Pool_indices_are_never_reused_and_replayed_agreements_are_refused(string kind)
    {
        using var store = await OpenAsync(kind);
        var first = await store.AppendBlocksAsync(Link, _ => "KME_A", RandomNumberGenerator.GetBytes(3 * PoolBlocks.BlockBytes), ready: false);
        var reserved = await store.ReserveIndicesAsync(Link, 2);
        var second = await store.AppendBlocksAsync(Link, _ => "KME_A", RandomNumberGenerator.GetBytes(PoolBlocks.BlockBytes), ready: true);
        var unready = await store.ListUnreadyAsync(Link);
        var readyBefore = store.CountBlocks(Link, "KME_A");
        var marked = await store.MarkReadyAsync(Link, first, 3);
        var replay = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.InsertPeerBlocksAsync(Link, 1, RandomNumberGenerator.GetBytes(PoolBlocks.BlockBytes), _ => "KME_A", requireFresh: true));

        Assert.Equal(0, first);
        Assert.Equal(3, reserved);
        Assert.Equal(5, second);
        Assert.Equal([0L, 1L, 2L], unready.Select(b => b.Index));
        Assert.All(unready, b => Assert.Equal(PoolBlocks.BlockBytes, b.Material.Length));
        Assert.Equal(1, readyBefore);
        Assert.Equal(3, marked);
        Assert.Equal(DeliveryError.BadRequest, replay.Error);
        Assert.Equal(4, store.CountAllBlocks(Link));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Keys_and_pool_survive_closing_and_reopening_the_store(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        IssuedKey[] issued;
        using (var store = await StoreFixture.OpenAsync(kind, location, _storeKey))
        {
            await FillAsync(store, 10);
            issued = await store.IssueAsync(Request(3, 256, ["SAE_B"]));
        }

        using var reopened = await StoreFixture.OpenAsync(kind, location, _storeKey);
        var fetched = await reopened.DeliverAsync([.. issued.Select(k => k.KeyId)], "SAE_B", "SAE_A");

        Assert.Equal(issued.Select(k => k.Material), fetched.Select(k => k.Material));
        Assert.Equal(7, reopened.CountAllBlocks(Link));
        Assert.Equal(10, await reopened.AppendBlocksAsync(Link, _ => "KME_A", RandomNumberGenerator.GetBytes(PoolBlocks.BlockBytes), ready: true));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Material_at_rest_is_sealed_and_unreadable_with_another_store_key(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        IssuedKey[] issued;
        using (var store = await StoreFixture.OpenAsync(kind, location, _storeKey))
        {
            await FillAsync(store, 4);
            issued = await store.IssueAsync(Request(1, 256, ["SAE_B"]));
        }

        var records = await RawRecordsAsync(kind, location);
        using var wrongKey = await StoreFixture.OpenAsync(kind, location, RandomNumberGenerator.GetBytes(32));

        Assert.Equal(4, records.Count); // 3 pool blocks and 1 key
        Assert.All(records, r => Assert.Equal(12 + 16 + PoolBlocks.BlockBytes, r.Length));
        Assert.DoesNotContain(records, r => r.AsSpan().IndexOf(issued[0].Material.AsSpan(0, 16)) >= 0);
        await Assert.ThrowsAnyAsync<CryptographicException>(() => wrongKey.DeliverAsync([issued[0].KeyId], "SAE_B", "SAE_A"));
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Keys_older_than_the_cutoff_expire_and_younger_ones_stay(string kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        using var store = await OpenAsync(kind, time);
        await FillAsync(store, 4);
        var old = await store.IssueAsync(Request(1, 256, ["SAE_B"]));
        time.Advance(TimeSpan.FromMinutes(30));
        var young = await store.IssueAsync(Request(1, 256, ["SAE_B"]));
        time.Advance(TimeSpan.FromMinutes(31));

        var expired = await store.ExpireAsync(time.GetUtcNow() - TimeSpan.FromHours(1));
        var gone = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([old[0].KeyId], "SAE_B", "SAE_A"));
        var kept = await store.DeliverAsync([young[0].KeyId], "SAE_B", "SAE_A");

        Assert.Equal(1, expired);
        Assert.Equal(DeliveryError.BadRequest, gone.Error);
        Assert.Equal(young[0].Material, kept[0].Material);
    }

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Every_release_is_audited_with_who_which_key_when_and_which_call_and_refusals_are_not(string kind)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero));
        using var store = await OpenAsync(kind, time);
        await FillAsync(store, 8);
        var issued = await store.IssueAsync(Request(2, 256, ["SAE_B", "SAE_C"]));
        time.Advance(TimeSpan.FromMinutes(1));
        await store.DeliverAsync([issued[0].KeyId, issued[1].KeyId], "SAE_B", "SAE_A");
        await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([issued[0].KeyId], "SAE_D", "SAE_A"));
        time.Advance(TimeSpan.FromMinutes(1));
        await store.DeliverAsync([issued[1].KeyId], "SAE_C", "SAE_A");

        var trail = await store.ListDeliveriesAsync();

        var start = new DateTimeOffset(2026, 12, 4, 23, 0, 0, TimeSpan.Zero);
        Assert.Equal(
            [
                new KeyDelivery(start, "SAE_A", issued[0].KeyId, KeyDeliveryCall.EncKeys),
                new KeyDelivery(start, "SAE_A", issued[1].KeyId, KeyDeliveryCall.EncKeys),
                new KeyDelivery(start.AddMinutes(1), "SAE_B", issued[0].KeyId, KeyDeliveryCall.DecKeys),
                new KeyDelivery(start.AddMinutes(1), "SAE_B", issued[1].KeyId, KeyDeliveryCall.DecKeys),
                new KeyDelivery(start.AddMinutes(2), "SAE_C", issued[1].KeyId, KeyDeliveryCall.DecKeys),
            ],
            trail.Select(r => r with { At = r.At.ToUniversalTime() }));
        Assert.All(issued, key => Assert.DoesNotContain(Convert.ToBase64String(key.Material), string.Join("\n", trail), StringComparison.Ordinal));
    }

    private static IssueRequest Request(int count, int sizeBits, string[] slaves, string[]? local = null, bool syncing = false) =>
        new(Link, "KME_A", count, sizeBits, "SAE_A", slaves, local ?? slaves, syncing);

    private static Task<long> FillAsync(IKeyStore store, int blocks) =>
        store.AppendBlocksAsync(Link, _ => "KME_A", RandomNumberGenerator.GetBytes(blocks * PoolBlocks.BlockBytes), ready: true);

    private static async Task<List<byte[]>> RawRecordsAsync(string kind, string location)
    {
        var records = new List<byte[]>();
        if (kind == "sqlite")
        {
            using var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + location);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT material FROM pool UNION ALL SELECT material FROM keys";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                records.Add((byte[])reader.GetValue(0));
            }
        }
        else
        {
            await using var connection = new Npgsql.NpgsqlConnection(location);
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand("SELECT material FROM kme_pool UNION ALL SELECT material FROM kme_keys", connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                records.Add((byte[])reader.GetValue(0));
            }
        }

        return records;
    }

    private async Task<IKeyStore> OpenAsync(string kind, TimeProvider? time = null) =>
        await StoreFixture.OpenAsync(kind, await stores.NewLocationAsync(kind), _storeKey, time);
}
