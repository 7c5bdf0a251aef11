using Npgsql;

namespace Quanet.Kme.Storage.Postgres;

internal sealed partial class PostgresKeyStore
{
    /// <inheritdoc/>
    public Task<long> AppendBlocksAsync(string link, Func<long, string> ownerOf, byte[] material, bool ready)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length == 0 || material.Length % BlockBytes != 0)
        {
            throw new ArgumentException("pool material must be whole blocks", nameof(material));
        }

        return InTransactionAsync(async (connection, transaction) =>
        {
            var first = await ReserveAsync(connection, transaction, link, material.Length / BlockBytes).ConfigureAwait(false);
            await InsertBlocksAsync(connection, transaction, link, first, material, ownerOf, ready, ignoreExisting: false).ConfigureAwait(false);
            return first;
        });
    }

    /// <inheritdoc/>
    public Task<long> ReserveIndicesAsync(string link, int count) =>
        InTransactionAsync((connection, transaction) => ReserveAsync(connection, transaction, link, count));

    /// <inheritdoc/>
    public Task<bool> InsertPeerBlocksAsync(string link, long first, byte[] material, Func<long, string> ownerOf, bool ready = true, bool requireFresh = false)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (first < 0 || material.Length == 0 || material.Length % BlockBytes != 0)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "pool batch must hold whole blocks at a non-negative index");
        }

        return InTransactionAsync(async (connection, transaction) =>
        {
            // Lock the link's counter row for the freshness check and the update below.
            await using (var ensure = Command("INSERT INTO kme_link_state(link, next_idx) VALUES($1, 0) ON CONFLICT (link) DO NOTHING", connection, transaction, link))
            {
                await ensure.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            long next;
            await using (var select = Command("SELECT next_idx FROM kme_link_state WHERE link = $1 FOR UPDATE", connection, transaction, link))
            {
                next = (long)(await select.ExecuteScalarAsync().ConfigureAwait(false))!;
            }

            if (requireFresh && first < next)
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, $"pool index {first} of link {link} is already in use");
            }

            await InsertBlocksAsync(connection, transaction, link, first, material, ownerOf, ready, ignoreExisting: true).ConfigureAwait(false);
            await using (var update = Command("UPDATE kme_link_state SET next_idx = GREATEST(next_idx, $2) WHERE link = $1", connection, transaction, link, first + (material.Length / BlockBytes)))
            {
                await update.ExecuteNonQueryAsync().ConfigureAwait(false);
            }

            return true;
        });
    }

    /// <inheritdoc/>
    public Task<int> MarkReadyAsync(string link, long first, int count) => InTransactionAsync(async (connection, transaction) =>
    {
        await using var command = Command("UPDATE kme_pool SET ready = true WHERE link = $1 AND idx >= $2 AND idx < $3", connection, transaction, link, first, first + count);
        return await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    });

    /// <inheritdoc/>
    public Task<List<(long Index, byte[] Material)>> ListUnreadyAsync(string link) => InTransactionAsync(async (connection, transaction) =>
    {
        await using var command = Command("SELECT idx, material FROM kme_pool WHERE link = $1 AND NOT ready ORDER BY idx", connection, transaction, link);
        var blocks = new List<(long, byte[])>();
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            var index = reader.GetInt64(0);
            blocks.Add((index, Open((byte[])reader.GetValue(1), PoolAad(link, index))));
        }

        return blocks;
    });

    /// <summary>Advances the link's counter by <paramref name="count"/> atomically; returns the first reserved index.</summary>
    private static async Task<long> ReserveAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string link, long count)
    {
        await using var command = Command(
            "INSERT INTO kme_link_state(link, next_idx) VALUES($1, $2) ON CONFLICT (link) DO UPDATE SET next_idx = kme_link_state.next_idx + $2 RETURNING next_idx - $2",
            connection,
            transaction,
            link,
            count);
        return (long)(await command.ExecuteScalarAsync().ConfigureAwait(false))!;
    }

    private async Task InsertBlocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string link, long first, byte[] material, Func<long, string> ownerOf, bool ready, bool ignoreExisting)
    {
        var blocks = material.Length / BlockBytes;
        var indices = new long[blocks];
        var owners = new string[blocks];
        var sealedBlocks = new byte[blocks][];
        for (var i = 0; i < blocks; i++)
        {
            indices[i] = first + i;
            owners[i] = ownerOf(indices[i]);
            sealedBlocks[i] = Seal(material.AsSpan(i * BlockBytes, BlockBytes), PoolAad(link, indices[i]));
        }

        await using var command = Command(
            "INSERT INTO kme_pool(link, idx, owner, ready, material) SELECT $1, i, o, $2, m FROM unnest($3::bigint[], $4::text[], $5::bytea[]) AS t(i, o, m)"
                + (ignoreExisting ? " ON CONFLICT (link, idx) DO NOTHING" : ""),
            connection,
            transaction,
            link,
            ready,
            indices,
            owners,
            sealedBlocks);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }
}
