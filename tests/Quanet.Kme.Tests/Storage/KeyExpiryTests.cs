using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Configuration;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Tests.Storage;

/// <summary>Orphan keys (handed to the master, never fetched by a slave) are deleted after the configured lifetime.</summary>
public sealed class KeyExpiryTests : IDisposable
{
    private const string Link = "KME_A";
    private readonly string _folder = Directory.CreateTempSubdirectory("quanet-expiry-").FullName;

    [Fact]
    public async Task The_sweeper_deletes_a_key_once_its_lifetime_has_passed_on_the_clock_and_keeps_a_younger_one()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        using var store = new SqliteKeyStore(Path.Combine(_folder, "kme.db"), RandomNumberGenerator.GetBytes(32), time: time);
        await store.AppendBlocksAsync(Link, _ => "KME_A", RandomNumberGenerator.GetBytes(4 * PoolBlocks.BlockBytes), ready: true);
        var log = new List<string>();
        var expiry = new KeyExpiry(store, TimeSpan.FromHours(1), time, line => { lock (log) { log.Add(line); } });
        using var stop = new CancellationTokenSource();
        var sweeper = expiry.RunAsync(stop.Token);

        var orphan = await store.IssueAsync(Request());
        time.Advance(TimeSpan.FromMinutes(40));
        var young = await store.IssueAsync(Request());
        var beforeLifetime = store.CountKeys();
        time.Advance(TimeSpan.FromMinutes(30)); // the sweep at 61 min finds the orphan 61 min old, the other 21
        var afterLifetime = await WaitForAsync(() => store.CountKeys() == 1);
        var gone = await Assert.ThrowsAsync<KeyDeliveryException>(() => store.DeliverAsync([orphan[0].KeyId], "SAE_B", "SAE_A"));
        var kept = await store.DeliverAsync([young[0].KeyId], "SAE_B", "SAE_A");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sweeper);

        Assert.Equal(TimeSpan.FromMinutes(1), expiry.Interval);
        Assert.Equal(2, beforeLifetime);
        Assert.True(afterLifetime);
        Assert.Equal(DeliveryError.BadRequest, gone.Error);
        Assert.Equal(young[0].Material, kept[0].Material);
        Assert.Contains(log, l => l.Contains("deleted 1 keys", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_lifetime_is_one_day_and_a_negative_one_is_refused()
    {
        var options = new KmeOptions { KmeId = "KME_A", CaCertificate = "ca", Certificate = "c", PrivateKey = "k", StoreKey = "x", KeyExpirySeconds = -1 };
        options.Saes.Add(new SaeEntry { Id = "SAE_A" });

        var error = Assert.Throws<Quanet.Core.QuanetException>(() => KmeOptionsLoader.Validate(options, "test.json"));

        Assert.Equal(86_400, new KmeOptions().KeyExpirySeconds);
        Assert.Contains("KeyExpirySeconds must be 0 (never) or positive, got -1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_store_made_before_expiry_existed_is_upgraded_and_its_keys_get_a_full_lifetime()
    {
        var path = Path.Combine(_folder, "old.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + path + ";Pooling=false"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE keys(key_id TEXT PRIMARY KEY, link TEXT NOT NULL, master TEXT NOT NULL, slaves TEXT NOT NULL, size_bits INTEGER NOT NULL,
                  pending TEXT NOT NULL, syncing INTEGER NOT NULL, material BLOB NOT NULL) WITHOUT ROWID;
                INSERT INTO keys VALUES('00000000-0000-0000-0000-000000000001', 'KME_A', 'SAE_A', 'SAE_B', 256, 'SAE_B', 0, x'00');
                """;
            command.ExecuteNonQuery();
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 6, 0, 0, TimeSpan.Zero));
        using var store = new SqliteKeyStore(path, RandomNumberGenerator.GetBytes(32), time: time);
        var atUpgrade = await store.ExpireAsync(time.GetUtcNow() - TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(2));
        var later = await store.ExpireAsync(time.GetUtcNow() - TimeSpan.FromSeconds(1));

        Assert.Equal(0, atUpgrade);
        Assert.Equal(1, later);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private static IssueRequest Request() => new(Link, "KME_A", 1, 256, "SAE_A", ["SAE_B"], ["SAE_B"], Syncing: false);

    private static async Task<bool> WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        return condition();
    }
}
