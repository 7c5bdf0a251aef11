using static Quanet.Kme.Storage.RelayRecords;

namespace Quanet.Kme.Storage;

internal sealed partial class SqliteKeyStore
{
    /// <inheritdoc/>
    public Task<int> AddRelayPoolAsync(string master, string slave, int sizeBits, IReadOnlyList<IssuedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return _writer.Enqueue(() =>
        {
            var insert = Command("INSERT INTO relay_pool(key_id, master, slave, size_bits, material, created) VALUES($k, $m, $s, $z, $x, $c)");
            var pKey = insert.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
            insert.Parameters.AddWithValue("$m", master);
            insert.Parameters.AddWithValue("$s", slave);
            insert.Parameters.AddWithValue("$z", sizeBits);
            var pMaterial = insert.Parameters.Add("$x", Microsoft.Data.Sqlite.SqliteType.Blob);
            insert.Parameters.AddWithValue("$c", _time.GetUtcNow().ToUnixTimeMilliseconds());
            foreach (var key in keys)
            {
                pKey.Value = key.KeyId;
                pMaterial.Value = _cipher.Seal(key.Material, PoolKeyAad(key.KeyId));
                insert.ExecuteNonQuery();
            }

            return keys.Count;
        });
    }

    /// <inheritdoc/>
    public Task<IssuedKey[]?> DrawRelayPoolAsync(string master, string slave, int sizeBits, int count, DateTimeOffset notBefore) => _writer.Enqueue(() =>
    {
        var select = Command("SELECT key_id, material FROM relay_pool WHERE master = $m AND slave = $s AND size_bits = $z AND created >= $c ORDER BY created, key_id LIMIT $n");
        select.Parameters.AddWithValue("$m", master);
        select.Parameters.AddWithValue("$s", slave);
        select.Parameters.AddWithValue("$z", sizeBits);
        select.Parameters.AddWithValue("$c", notBefore.ToUnixTimeMilliseconds());
        select.Parameters.AddWithValue("$n", count);
        var keys = new List<IssuedKey>(count);
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var keyId = reader.GetString(0);
                keys.Add(new IssuedKey(keyId, _cipher.Open((byte[])reader.GetValue(1), PoolKeyAad(keyId)), []));
            }
        }

        if (keys.Count < count)
        {
            return null; // all or none: the caller relays the request synchronously instead
        }

        var delete = Command("DELETE FROM relay_pool WHERE key_id = $k");
        var pKey = delete.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var key in keys)
        {
            pKey.Value = key.KeyId;
            delete.ExecuteNonQuery();
            Audit(key.KeyId, master, KeyDeliveryCall.EncKeys);
        }

        return keys.ToArray();
    });

    /// <inheritdoc/>
    public long CountRelayPool(string master, string slave) =>
        Scalar("SELECT COUNT(*) FROM relay_pool WHERE master = $a AND slave = $b", master, slave);

    /// <inheritdoc/>
    public Task<IReadOnlyList<(string Master, string Slave)>> ListRelayPoolPairsAsync() => _writer.Enqueue<IReadOnlyList<(string, string)>>(() =>
    {
        var pairs = new List<(string, string)>();
        using var reader = Command("SELECT DISTINCT master, slave FROM relay_pool").ExecuteReader();
        while (reader.Read())
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    });
}
