using Npgsql;
using Quanet.Kme.Peering;

namespace Quanet.Kme.Storage.Postgres;

internal sealed partial class PostgresKeyStore
{
    /// <inheritdoc/>
    public Task<int> FinishSyncAsync(IReadOnlyList<string> keyIds) => InTransactionAsync(async (connection, transaction) =>
    {
        var ids = keyIds.ToArray();
        await using (var update = Command("UPDATE kme_keys SET syncing = false WHERE key_id = ANY($1)", connection, transaction, (object)ids))
        {
            await update.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        await using var delete = Command("DELETE FROM kme_keys WHERE key_id = ANY($1) AND pending = ''", connection, transaction, (object)ids);
        return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public Task<int> AbortSyncAsync(IReadOnlyList<string> keyIds) => InTransactionAsync(async (connection, transaction) =>
    {
        await using var delete = Command("DELETE FROM kme_keys WHERE key_id = ANY($1) AND syncing", connection, transaction, (object)keyIds.ToArray());
        return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public Task<int> RecoverInterruptedAsync() => InTransactionAsync(async (connection, transaction) =>
    {
        await using var delete = Command("DELETE FROM kme_keys WHERE syncing", connection, transaction);
        return await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public Task<int> ApplyPeerKeysAsync(string link, string sender, IReadOnlyList<PeerKey> keys, Func<string, bool> isLocalSae) => InTransactionAsync(async (connection, transaction) =>
    {
        foreach (var key in keys)
        {
            if (!Guid.TryParseExact(key.KeyId, "D", out _) || key.SizeBits <= 0 || key.SizeBits % 8 != 0 || key.Blocks.Count != PoolBlocks.BlocksFor(key.SizeBits))
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, $"malformed peer key '{key.KeyId}'");
            }
        }

        var known = await KnownKeysAsync(connection, transaction, keys).ConfigureAwait(false);
        var wanted = new List<long>();
        foreach (var key in keys)
        {
            if (!known.Contains(key.KeyId))
            {
                wanted.AddRange(key.Blocks);
            }
        }

        // A repeated batch running at the same time waits here on the first one's row locks, then finds the
        // blocks gone; it re-reads the keys below (a new statement sees the first one's commit) and skips them.
        var records = new Dictionary<long, byte[]>(wanted.Count);
        await using (var take = Command("DELETE FROM kme_pool WHERE link = $1 AND owner = $2 AND idx = ANY($3) RETURNING idx, material", connection, transaction, link, sender, wanted.ToArray()))
        await using (var reader = await take.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                records[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
            }
        }

        if (records.Count < wanted.Count)
        {
            known = await KnownKeysAsync(connection, transaction, keys).ConfigureAwait(false);
        }

        var applied = 0;
        var rows = new KeyRows();
        foreach (var key in keys)
        {
            if (!known.Add(key.KeyId))
            {
                continue;
            }

            var plain = new byte[key.Blocks.Count * BlockBytes];
            for (var b = 0; b < key.Blocks.Count; b++)
            {
                // Remove as we go, so two keys naming the same block cannot both be built from it.
                if (!records.Remove(key.Blocks[b], out var record))
                {
                    throw new KeyDeliveryException(DeliveryError.BadRequest, $"peer key '{key.KeyId}' names pool block {key.Blocks[b]} that this KME does not hold for {sender}");
                }

                Open(record, PoolAad(link, key.Blocks[b])).CopyTo(plain, b * BlockBytes);
            }

            var pending = new List<string>();
            foreach (var slave in key.Slaves)
            {
                if (isLocalSae(slave))
                {
                    pending.Add(slave);
                }
            }

            if (pending.Count > 0)
            {
                rows.Add(key.KeyId, link, key.Master, Join(key.Slaves), key.SizeBits, Join(pending), false, Seal(plain.AsSpan(0, key.SizeBits / 8), KeyAad(key.KeyId)));
            }

            applied++;
        }

        await InsertKeyRowsAsync(connection, transaction, rows).ConfigureAwait(false);
        return applied;
    });

    /// <inheritdoc/>
    public Task<IssuedKey[]> DeliverAsync(IReadOnlyList<string> keyIds, string requester, string master) => InTransactionAsync(async (connection, transaction) =>
    {
        // Row locks in key order: a concurrent fetch of the same key waits here and then sees it updated or gone;
        // one order for everybody means two multi-key fetches cannot deadlock.
        var rows = new Dictionary<string, (string Master, string Slaves, string Pending, byte[] Record)>(keyIds.Count, StringComparer.Ordinal);
        await using (var select = Command(
            "SELECT key_id, master, slaves, pending, material FROM kme_keys WHERE key_id = ANY($1) AND NOT syncing ORDER BY key_id FOR UPDATE",
            connection,
            transaction,
            (object)keyIds.ToArray()))
        await using (var reader = await select.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                rows[reader.GetString(0)] = (reader.GetString(1), reader.GetString(2), reader.GetString(3), (byte[])reader.GetValue(4));
            }
        }

        var result = new IssuedKey[keyIds.Count];
        var finished = new List<string>();
        var remainingIds = new List<string>();
        var remainingPending = new List<string>();
        for (var i = 0; i < keyIds.Count; i++)
        {
            var keyId = keyIds[i];
            if (!rows.TryGetValue(keyId, out var row))
            {
                throw KeyDeliveryException.NotFound(keyId);
            }

            var parties = new List<string>(Split(row.Pending));
            if (row.Master != master || Array.IndexOf(Split(row.Slaves), requester) < 0 || !parties.Remove(requester))
            {
                throw KeyDeliveryException.NotFound(keyId);
            }

            result[i] = new IssuedKey(keyId, Open(row.Record, KeyAad(keyId)), []);
            if (parties.Count == 0)
            {
                finished.Add(keyId);
            }
            else
            {
                remainingIds.Add(keyId);
                remainingPending.Add(Join(parties));
            }
        }

        await AuditAsync(connection, transaction, [.. keyIds], [.. Enumerable.Repeat(requester, keyIds.Count)], KeyDeliveryCall.DecKeys).ConfigureAwait(false);
        if (finished.Count > 0)
        {
            await using var delete = Command("DELETE FROM kme_keys WHERE key_id = ANY($1)", connection, transaction, (object)finished.ToArray());
            await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        if (remainingIds.Count > 0)
        {
            await using var update = Command(
                "UPDATE kme_keys AS k SET pending = u.p FROM unnest($1::text[], $2::text[]) AS u(id, p) WHERE k.key_id = u.id",
                connection,
                transaction,
                remainingIds.ToArray(),
                remainingPending.ToArray());
            await update.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return result;
    });

    /// <inheritdoc/>
    public Task<int> ExpireAsync(DateTimeOffset cutoff) => InTransactionAsync(async (connection, transaction) =>
    {
        int expired;
        await using (var delete = Command("DELETE FROM kme_keys WHERE NOT syncing AND created < $1", connection, transaction, cutoff.ToUniversalTime()))
        {
            expired = await delete.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        // A relay's idempotency records are needed only while its first KME may still retry it; pre-relayed keys
        // older than the cutoff are past the age at which RelayPool draws them.
        foreach (var sql in new[] { "DELETE FROM kme_relay WHERE created < $1", "DELETE FROM kme_relay_hop WHERE created < $1", "DELETE FROM kme_relay_pool WHERE created < $1" })
        {
            await using var forget = Command(sql, connection, transaction, cutoff.ToUniversalTime());
            await forget.ExecuteNonQueryAsync().ConfigureAwait(false);
        }

        return expired;
    });

    private static async Task<HashSet<string>> KnownKeysAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PeerKey> keys)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var exists = Command("SELECT key_id FROM kme_keys WHERE key_id = ANY($1)", connection, transaction, (object)keys.Select(k => k.KeyId).ToArray());
        await using var reader = await exists.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            known.Add(reader.GetString(0));
        }

        return known;
    }
}
