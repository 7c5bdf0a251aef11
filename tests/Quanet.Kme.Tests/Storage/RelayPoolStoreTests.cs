using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Storage;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Storage;

/// <summary>
/// The pre-relayed pool on both stores: each key leaves it once, all or none, only while young, and the pool survives
/// reopening. On PostgreSQL the concurrent draws run through several store instances on one database (several
/// processes of one KME).
/// </summary>
public sealed class RelayPoolStoreTests(StoreFixture stores) : IClassFixture<StoreFixture>
{
    private readonly byte[] _storeKey = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 5, 22, 0, 0, TimeSpan.Zero));

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Concurrent_draws_hand_out_every_pooled_key_exactly_once_with_its_bytes_and_an_audit_row(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        using var store = await OpenAsync(kind, location);
        using var second = await OpenAsync(kind, location);
        using var third = await OpenAsync(kind, location);
        IKeyStore[] handles = kind == "sqlite" ? [store] : [store, second, third];
        var pooled = Keys(100);
        await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, pooled);

        var draws = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Task.Run(() => handles[i % handles.Length].DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 5, DateTimeOffset.MinValue))));
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

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task A_draw_larger_than_the_pool_takes_nothing_and_other_pairs_keys_are_never_drawn(string kind)
    {
        using var store = await OpenAsync(kind, await stores.NewLocationAsync(kind));
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

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task Keys_older_than_the_age_limit_are_not_drawn_and_expire_with_the_orphans(string kind)
    {
        using var store = await OpenAsync(kind, await stores.NewLocationAsync(kind));
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

    [Theory]
    [SqliteStore]
    [PostgresStore]
    public async Task The_pool_and_its_pairs_survive_reopening_and_drawn_keys_do_not_come_back(string kind)
    {
        var location = await stores.NewLocationAsync(kind);
        var pooled = Keys(6);
        IssuedKey[]? first;
        using (var store = await OpenAsync(kind, location))
        {
            await store.AddRelayPoolAsync("SAE_1", "SAE_4", 256, pooled);
            first = await store.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 2, DateTimeOffset.MinValue);
        }

        using var reopened = await OpenAsync(kind, location);
        var pairs = await reopened.ListRelayPoolPairsAsync();
        var rest = await reopened.DrawRelayPoolAsync("SAE_1", "SAE_4", 256, 4, DateTimeOffset.MinValue);

        Assert.Equal([("SAE_1", "SAE_4")], pairs);
        Assert.Equal(pooled.Select(k => k.KeyId).Order(), first!.Concat(rest!).Select(k => k.KeyId).Order());
        Assert.Equal(0, reopened.CountRelayPool("SAE_1", "SAE_4"));
    }

    private Task<IKeyStore> OpenAsync(string kind, string location) => StoreFixture.OpenAsync(kind, location, _storeKey, _time);

    private static IssuedKey[] Keys(int count) =>
        [.. Enumerable.Range(0, count).Select(_ => new IssuedKey(Guid.NewGuid().ToString("D"), RandomNumberGenerator.GetBytes(32), []))];
}
