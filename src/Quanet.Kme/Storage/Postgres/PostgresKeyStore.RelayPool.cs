using static Quanet.Kme.Storage.RelayRecords;

namespace Quanet.Kme.Storage.Postgres;

/// <summary>
/// The pre-relayed pool in <c>kme_relay_pool</c>. A draw locks the keys it takes with <c>FOR UPDATE SKIP LOCKED</c>,
/// so that draws running at once in several processes take disjoint keys, and deletes them with their audit rows in
/// the same transaction; a draw that finds too few unlocked keys takes none (the caller relays synchronously).
/// </summary>
internal sealed partial class PostgresKeyStore
{
    /// <inheritdoc/>
    public Task<int> AddRelayPoolAsync(string master, string slave, int sizeBits, IReadOnlyList<IssuedKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var ids = new string[keys.Count];
        var records = new byte[keys.Count][];
        for (var k = 0; k < keys.Count; k++)
        {
            ids[k] = keys[k].KeyId;
            records[k] = Seal(keys[k].Material, PoolKeyAad(keys[k].KeyId));
        }

        return InTransactionAsync(async (connection, transaction) =>
        {
            await using var insert = Command(
                "INSERT INTO kme_relay_pool(key_id, master, slave, size_bits, material, created) SELECT k, $2, $3, $4, x, $6 FROM unnest($1::text[], $5::bytea[]) AS t(k, x)",
                connection,
                transaction,
                ids,
                master,
                slave,
                sizeBits,
                records,
                _time.GetUtcNow());
            return await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        });
    }

    /// <inheritdoc/>
    public Task<IssuedKey[]?> DrawRelayPoolAsync(string master, string slave, int sizeBits, int count, DateTimeOffset notBefore) => InTransactionAsync<IssuedKey[]?>(async (connection, transaction) =>
    {
        var keys = new List<IssuedKey>(count);
        await using (var select = Command(
            "SELECT key_id, material FROM kme_relay_pool WHERE master = $1 AND slave = $2 AND size_bits = $3 AND created >= $4 ORDER BY created, key_id LIMIT $5 FOR UPDATE SKIP LOCKED",
            connection,
            transaction,
            master,
            slave,
            sizeBits,
            notBefore.ToUniversalTime(),
            count))
        await using (var reader = await select.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                var keyId = reader.GetString(0);
                keys.Add(new IssuedKey(keyId, Open((byte[])reader.GetValue(1), PoolKeyAad(keyId)), []));
            }
        }

        if (keys.Count < count)
        {
            return null; // all or none: nothing was changed, the commit only releases the row locks
        }

        var ids = keys.Select(k => k.KeyId).ToList();
        await using (var delete = Command("DELETE FROM kme_relay_pool WHERE key_id = ANY($1)", connection, transaction, (object)ids.ToArray()))
        {
            await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await AuditAsync(connection, transaction, ids, [.. Enumerable.Repeat(master, ids.Count)], KeyDeliveryCall.EncKeys).ConfigureAwait(false);
        return keys.ToArray();
    });

    /// <inheritdoc/>
    public long CountRelayPool(string master, string slave) =>
        Scalar("SELECT COUNT(*) FROM kme_relay_pool WHERE master = $1 AND slave = $2", master, slave);

    /// <inheritdoc/>
    public async Task<IReadOnlyList<(string Master, string Slave)>> ListRelayPoolPairsAsync()
    {
        var pairs = new List<(string, string)>();
        await using var command = _source.CreateCommand("SELECT DISTINCT master, slave FROM kme_relay_pool");
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            pairs.Add((reader.GetString(0), reader.GetString(1)));
        }

        return pairs;
    }
}
