using Npgsql;
using NpgsqlTypes;

namespace Quanet.Cluster.Processing;

/// <summary>
/// A region's durable side in PostgreSQL: the applied events with their batches (the source of a rebuild), the
/// incidents and the notices. Every write is an idempotent upsert, so a batch applied again after a crash between
/// this write and the checkpoint leaves the same rows.
/// </summary>
internal sealed class RegionStore(NpgsqlDataSource database)
{
    /// <summary>Writes one applied batch and what it changed, in one transaction.</summary>
    public async Task SaveAsync(string region, IReadOnlyList<RegionEvent> events, RegionChanges changes, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (events.Count > 0)
        {
            var seqs = new long[events.Count];
            var bodies = new byte[events.Count][];
            for (var i = 0; i < events.Count; i++)
            {
                seqs[i] = checked((long)events[i].Sequence);
                bodies[i] = events[i].Json;
            }

            await using var insert = new NpgsqlCommand(
                """
                INSERT INTO quanet_region_events (region, seq, batch_last, body)
                SELECT @region, s, @last, b FROM unnest(@seqs, @bodies) AS t(s, b)
                ON CONFLICT (region, seq) DO UPDATE SET batch_last = excluded.batch_last, body = excluded.body
                """, connection, transaction);
            insert.Parameters.AddWithValue("region", region);
            insert.Parameters.AddWithValue("last", seqs[^1]);
            insert.Parameters.AddWithValue("seqs", seqs);
            insert.Parameters.Add(new NpgsqlParameter("bodies", NpgsqlDbType.Array | NpgsqlDbType.Bytea) { Value = bodies });
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var incident in changes.Incidents)
        {
            await using var upsert = new NpgsqlCommand(
                """
                INSERT INTO quanet_incidents (region, incident_id, type, root_cause, opened_micros, resolved_micros, document)
                VALUES (@region, @id, @type, @root, @opened, @resolved, @document::jsonb)
                ON CONFLICT (region, incident_id) DO UPDATE SET type = excluded.type, root_cause = excluded.root_cause,
                    opened_micros = excluded.opened_micros, resolved_micros = excluded.resolved_micros, document = excluded.document
                """, connection, transaction);
            upsert.Parameters.AddWithValue("region", region);
            upsert.Parameters.AddWithValue("id", incident.Id);
            upsert.Parameters.AddWithValue("type", incident.Type);
            upsert.Parameters.AddWithValue("root", incident.RootCause);
            upsert.Parameters.AddWithValue("opened", incident.OpenedMicros);
            upsert.Parameters.AddWithValue("resolved", (object?)incident.ResolvedMicros ?? DBNull.Value);
            upsert.Parameters.AddWithValue("document", incident.Json);
            await upsert.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var (alarmId, json) in changes.Notices)
        {
            await using var notice = new NpgsqlCommand(
                "INSERT INTO quanet_notices (region, alarm_id, document) VALUES (@region, @id, @document::jsonb) ON CONFLICT DO NOTHING",
                connection, transaction);
            notice.Parameters.AddWithValue("region", region);
            notice.Parameters.AddWithValue("id", alarmId);
            notice.Parameters.AddWithValue("document", json);
            await notice.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the region's applied events up to <paramref name="upTo"/> batch by batch, in stream order, and hands
    /// each batch's bodies to <paramref name="apply"/>; returns the number of events read.
    /// </summary>
    public async Task<long> ReplayAsync(string region, ulong upTo, Func<IReadOnlyList<ReadOnlyMemory<byte>>, Task> apply, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT batch_last, body FROM quanet_region_events WHERE region = @region AND seq <= @upTo ORDER BY seq", connection);
        command.Parameters.AddWithValue("region", region);
        command.Parameters.AddWithValue("upTo", checked((long)upTo));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var batch = new List<ReadOnlyMemory<byte>>();
        long current = -1, count = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var last = reader.GetInt64(0);
            if (last != current && batch.Count > 0)
            {
                await apply(batch);
                batch = [];
            }

            current = last;
            batch.Add(reader.GetFieldValue<byte[]>(1));
            count++;
        }

        if (batch.Count > 0)
        {
            await apply(batch);
        }

        return count;
    }

    /// <summary>The incident keys of runbook runs already finished (an outcome recorded) in <paramref name="region"/>.</summary>
    public async Task<HashSet<string>> FinishedRunbooksAsync(string region, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT incident_key FROM quanet_runbooks WHERE region = @region AND outcome IS NOT NULL", connection);
        command.Parameters.AddWithValue("region", region);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }
}
