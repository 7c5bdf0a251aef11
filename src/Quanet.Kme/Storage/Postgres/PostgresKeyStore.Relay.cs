using Npgsql;
using Quanet.Kme.Relay;
using Quanet.Kme.Service;
using static Quanet.Kme.Storage.RelayRecords;

namespace Quanet.Kme.Storage.Postgres;

/// <summary>
/// Trusted relay with the guarantees of the SQLite store while several KME processes share the database: every
/// step of one relay ID takes a transaction-scoped advisory lock on that ID first, so a retried or duplicated step
/// running at the same time in another process waits for the first one's commit and then finds its records
/// (<c>kme_relay</c>, <c>kme_relay_hop</c>): no link block is consumed twice and no second pad is laid on the same
/// keys. The outgoing pad is taken with <c>FOR UPDATE SKIP LOCKED</c>, as key issue takes its blocks.
/// </summary>
internal sealed partial class PostgresKeyStore
{
    // Second key of the two-int advisory lock space, so relay locks never meet the schema lock or other users' locks.
    private const int RelayLockSpace = 0x52454c59; // "RELY"

    /// <inheritdoc/>
    public Task<RelayHop?> RelayStepAsync(string self, RelayStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return InTransactionAsync<RelayHop?>(async (connection, transaction) =>
        {
            await using (var serialise = Command("SELECT pg_advisory_xact_lock($1, hashtext($2))", connection, transaction, RelayLockSpace, step.RelayId))
            {
                await serialise.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            byte[] keys;
            if (step.From is null)
            {
                if (await FindHopAsync(connection, transaction, step.RelayId, step.To!).ConfigureAwait(false) is { } again)
                {
                    return again; // another try on the same first hop re-sends the same ciphertext, never a new pad on the same keys
                }

                keys = step.Incoming;
            }
            else
            {
                if (await RelayKnownAsync(connection, transaction, step.RelayId).ConfigureAwait(false))
                {
                    return step.To is null ? null : await FindHopAsync(connection, transaction, step.RelayId, step.To).ConfigureAwait(false)
                        ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"relay {step.RelayId} already passed {self} towards another KME");
                }

                var inLink = SaeDirectory.LinkName(step.From, self);
                keys = await TakeNamedBlocksAsync(connection, transaction, inLink, step.From, step.InBlocks).ConfigureAwait(false) is { } pad
                    ? Xor(step.Incoming, pad)
                    : throw new KeyDeliveryException(DeliveryError.BadRequest, $"relay {step.RelayId} names pool blocks of link {inLink} that {self} does not hold for {step.From}");
                await using var relay = Command("INSERT INTO kme_relay(relay_id, from_kme, created) VALUES($1, $2, $3)", connection, transaction, step.RelayId, step.From, _time.GetUtcNow());
                await relay.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            if (step.To is null)
            {
                await KeepForSlavesAsync(connection, transaction, step, keys).ConfigureAwait(false);
                await RelayAuditAsync(connection, transaction, step, Last, []).ConfigureAwait(false);
                return null;
            }

            var outLink = SaeDirectory.LinkName(self, step.To);
            var needed = keys.Length / BlockBytes;
            var (indices, outPad) = await TakeFreshBlocksAsync(connection, transaction, outLink, self, needed).ConfigureAwait(false)
                ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"not enough key on link {outLink} to relay {needed} blocks");
            var hop = new RelayHop(outLink, indices, Xor(keys, outPad));
            await using (var insert = Command(
                "INSERT INTO kme_relay_hop(relay_id, next_kme, link, blocks, ciphertext, created) VALUES($1, $2, $3, $4, $5, $6)",
                connection,
                transaction,
                step.RelayId,
                step.To,
                outLink,
                indices,
                Seal(hop.Ciphertext, HopAad(step.RelayId, step.To)),
                _time.GetUtcNow()))
            {
                await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            await RelayAuditAsync(connection, transaction, step, step.From is null ? First : Transit, indices).ConfigureAwait(false);
            return hop;
        });
    }

    /// <inheritdoc/>
    public Task<int> AuditIssueAsync(IReadOnlyList<string> keyIds, string master)
    {
        ArgumentNullException.ThrowIfNull(keyIds);
        return InTransactionAsync(async (connection, transaction) =>
        {
            await AuditAsync(connection, transaction, [.. keyIds], [.. Enumerable.Repeat(master, keyIds.Count)], KeyDeliveryCall.EncKeys).ConfigureAwait(false);
            return keyIds.Count;
        });
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<RelayAuditEntry>> ListRelaysAsync()
    {
        var rows = new List<RelayAuditEntry>();
        await using var command = _source.CreateCommand(
            "SELECT at, relay_id, role, key_ids, master, slaves, path, from_kme, in_blocks, to_kme, out_blocks FROM kme_relay_audit ORDER BY id");
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            rows.Add(new RelayAuditEntry(reader.GetFieldValue<DateTimeOffset>(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9), reader.GetString(10)));
        }

        return rows;
    }

    /// <summary>The last KME: the keys wait for the slaves attached here, bound to the master.</summary>
    private async Task KeepForSlavesAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RelayStep step, byte[] keys)
    {
        var perKey = PoolBlocks.BlocksFor(step.SizeBits) * BlockBytes;
        var slaves = Join(step.Slaves);
        var rows = new KeyRows();
        for (var k = 0; k < step.KeyIds.Count; k++)
        {
            rows.Add(step.KeyIds[k], KeyLinkPrefix + step.From, step.Master, slaves, step.SizeBits, slaves, false, Seal(keys.AsSpan(k * perKey, step.SizeBits / 8), KeyAad(step.KeyIds[k])));
        }

        await InsertKeyRowsAsync(connection, transaction, rows).ConfigureAwait(false);
    }

    /// <summary>
    /// Deletes the named ready blocks of <paramref name="owner"/> and returns their plaintext in the order named, or
    /// null (the transaction is then rolled back by the caller's exception) if any is missing or named twice.
    /// </summary>
    private async Task<byte[]?> TakeNamedBlocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string link, string owner, IReadOnlyList<long> indices)
    {
        var records = new Dictionary<long, byte[]>(indices.Count);
        await using (var take = Command("DELETE FROM kme_pool WHERE link = $1 AND owner = $2 AND ready AND idx = ANY($3) RETURNING idx, material", connection, transaction, link, owner, indices.ToArray()))
        await using (var reader = await take.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                records[reader.GetInt64(0)] = (byte[])reader.GetValue(1);
            }
        }

        var plain = new byte[indices.Count * BlockBytes];
        for (var b = 0; b < indices.Count; b++)
        {
            // Removed as used, so a block named twice cannot pad two parts of the keys.
            if (!records.Remove(indices[b], out var record))
            {
                return null;
            }

            Open(record, PoolAad(link, indices[b])).CopyTo(plain, b * BlockBytes);
        }

        return plain;
    }

    /// <summary>Deletes <paramref name="needed"/> ready blocks of <paramref name="owner"/>, lowest unlocked first; null if there are fewer.</summary>
    private async Task<(long[] Indices, byte[] Plain)?> TakeFreshBlocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string link, string owner, int needed)
    {
        var blocks = await DeleteReadyBlocksAsync(connection, transaction, link, owner, needed).ConfigureAwait(false);
        if (blocks.Count < needed)
        {
            return null; // the caller throws, which rolls the deletion back
        }

        var indices = new long[needed];
        var plain = new byte[needed * BlockBytes];
        for (var b = 0; b < needed; b++)
        {
            indices[b] = blocks[b].Index;
            Open(blocks[b].Record, PoolAad(link, indices[b])).CopyTo(plain, b * BlockBytes);
        }

        return (indices, plain);
    }

    private async Task<RelayHop?> FindHopAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string relayId, string next)
    {
        await using var select = Command("SELECT link, blocks, ciphertext FROM kme_relay_hop WHERE relay_id = $1 AND next_kme = $2", connection, transaction, relayId, next);
        await using var reader = await select.ExecuteReaderAsync().ConfigureAwait(false);
        return await reader.ReadAsync().ConfigureAwait(false)
            ? new RelayHop(reader.GetString(0), reader.GetFieldValue<long[]>(1), Open((byte[])reader.GetValue(2), HopAad(relayId, next)))
            : null;
    }

    private static async Task<bool> RelayKnownAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string relayId)
    {
        await using var select = Command("SELECT 1 FROM kme_relay WHERE relay_id = $1", connection, transaction, relayId);
        return await select.ExecuteScalarAsync().ConfigureAwait(false) is not null;
    }

    private async Task RelayAuditAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RelayStep step, string role, long[] outBlocks)
    {
        await using var insert = Command(
            """
            INSERT INTO kme_relay_audit(at, relay_id, role, key_ids, master, slaves, path, from_kme, in_blocks, to_kme, out_blocks)
            VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            connection,
            transaction,
            _time.GetUtcNow(),
            step.RelayId,
            role,
            Join(step.KeyIds),
            step.Master,
            Join(step.Slaves),
            string.Join('>', step.Path),
            step.From ?? "",
            JoinIndices(step.InBlocks),
            step.To ?? "",
            JoinIndices(outBlocks));
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
