using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Tests.Storage;

/// <summary>The SQLite store's pre-relayed pool: each key leaves it once, all or none, only while young, and the pool survives reopening.</summary>
public sealed class RelayPoolStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-relay-pool-").FullName;
    private readonly byte[] _storeKey = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Concurrent_draws_hand_out_every_pooled_key_exactly_once_with_its_bytes_and_an_audit_row()
    {
        using var store = Open();
        var pooled = Keys(100);
        await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, pooled);

        var draws = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 5, DateTimeOffset.MinValue))));
        var drawn = draws.SelectMany(d => d!).ToList();
        var emptyPool = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 1, DateTimeOffset.MinValue);
        var audit = await store.ListDeliveriesAsync();

        Assert.All(draws, d => Assert.Equal(5, d!.Length));
        Assert.Equal(100, drawn.Select(k => k.KeyId).Distinct().Count());
        Assert.Equal(pooled.ToDictionary(k => k.KeyId, k => Convert.ToHexString(k.Material)), drawn.ToDictionary(k => k.KeyId, k => Convert.ToHexString(k.Material)));
        Assert.Null(emptyPool);
        Assert.Equal(0, store.CountRelayPool("SAE_1", "SAE_4"));
        Assert.Equal(drawn.Select(k => k.KeyId).Order(), audit.Where(a => a.Sae == "SAE_1" && a.Call == KeyDeliveryCall.EncKeys).Select(a => a.KeyId).Order());
    }

    [Fact]
    public async Task A_draw_larger_than_the_pool_takes_nothing_and_other_pairs_keys_are_never_drawn()
    {
        using var store = Open();
        await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, Keys(3));
        await store.AddRelayPoolAsync("SAE_1", "SAE_5", 256, Keys(10));

        var tooMany = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 4, DateTimeOffset.MinValue);
        var otherSize = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 512, 1, DateTimeOffset.MinValue);

        Assert.Null(tooMany);
        Assert.Null(otherSize);
        Assert.Equal(3, store.CountRelayPool("SAE_1", "SAE_4"));
        Assert.Equal(10, store.CountRelayPool("SAE_1", "SAE_5"));
        Assert.Empty(await store.ListDeliveriesAsync());
    }

    [Fact]
    public async Task Keys_older_than_the_age_limit_are_not_drawn_and_expire_with_the_orphans()
    {
        using var store = Open();
        await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, Keys(2));
        _time.Advance(TimeSpan.FromHours(1));
        await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, Keys(1));

        var tooOld = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 2, _time.GetUtcNow() - TimeSpan.FromMinutes(30));
        var young = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 1, _time.GetUtcNow() - TimeSpan.FromMinutes(30));
        await store.ExpireAsync(_time.GetUtcNow() - TimeSpan.FromMinutes(30));

        Assert.Null(tooOld);
        Assert.NotNull(young);
        Assert.Equal(0, store.CountRelayPool("SAE_1", "SAE_4"));
    }

    [Fact]
    public async Task The_pool_and_its_pairs_survive_reopening_and_drawn_keys_do_not_come_back()
    {
        var pooled = Keys(6);
        IssuedKey[]? first;
        using (var store = Open())
        {
            await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, pooled);
            first = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 2, DateTimeOffset.MinValue);
        }

        using var reopened = Open();
        var pairs = await reopened.ListRelayPoolPairsAsync();
        var rest = await reopened.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 4, DateTimeOffset.MinValue);

        Assert.Equal([("SAE_1", "SAE_4")], pairs);
        Assert.Equal(pooled.Select(k => k.KeyId).Order(), first!.Concat(rest!).Select(k => k.KeyId).Order());
        Assert.Equal(0, reopened.CountRelayPool("SAE_1", "SAE_4"));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private SqliteKeyStore Open() => new(Path.Combine(_folder, "kme.db"), _storeKey, fsyncEveryCommit: true, _time);

    private static IssuedKey[] Keys(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new IssuedKey(Guid.NewGuid().ToString("D"), RandomNumberGenerator.GetBytes(32), []))];
}
