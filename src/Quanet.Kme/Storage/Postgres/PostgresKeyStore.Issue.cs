using System.Threading.Channels;
using Npgsql;

namespace Quanet.Kme.Storage.Postgres;

/// <summary>
/// Key issue with group commit, as the SQLite store's writer does: the requests queued while one transaction
/// commits are cut together in the next (one <c>DELETE ... FOR UPDATE SKIP LOCKED</c> per pool, one insert of
/// all their keys, one commit), so a burst of enc_keys costs a few transactions instead of one each. If a pool
/// cannot serve the whole group the transaction is rolled back and the group's requests run one by one, so
/// each request still succeeds or fails on its own.
/// </summary>
internal sealed partial class PostgresKeyStore
{
    private const int MaxIssueBatch = 256;
    private readonly Channel<PendingIssue> _issues = Channel.CreateUnbounded<PendingIssue>(new UnboundedChannelOptions { SingleReader = true });
    private Task? _issuer;

    /// <inheritdoc/>
    public Task<IssuedKey[]> IssueAsync(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var pending = new PendingIssue(request);
        if (!_issues.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PostgresKeyStore));
        }

        return pending.Completion.Task;
    }

    private void StartIssuer() => _issuer = Task.Run(IssueLoopAsync);

    private void StopIssuer()
    {
        _issues.Writer.TryComplete();
        _issuer?.GetAwaiter().GetResult();
    }

    private async Task IssueLoopAsync()
    {
        var reader = _issues.Reader;
        var batch = new List<PendingIssue>(MaxIssueBatch);
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            while (batch.Count < MaxIssueBatch && reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            IssuedKey[][]? results = null;
            if (batch.Count > 1)
            {
                try
                {
                    results = await InTransactionAsync((connection, transaction) => CutAsync(connection, transaction, batch)).ConfigureAwait(false);
                }
                catch (KeyDeliveryException)
                {
                    results = null; // some pool was short: serve one by one below
                }
                catch (Exception ex)
                {
                    foreach (var failed in batch)
                    {
                        failed.Completion.TrySetException(ex);
                    }

                    continue;
                }
            }

            if (results is not null)
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Completion.TrySetResult(results[i]);
                }

                continue;
            }

            foreach (var single in batch)
            {
                try
                {
                    var one = await InTransactionAsync((connection, transaction) => CutAsync(connection, transaction, [single])).ConfigureAwait(false);
                    single.Completion.TrySetResult(one[0]);
                }
                catch (Exception ex)
                {
                    single.Completion.TrySetException(ex);
                }
            }
        }
    }

    /// <summary>Cuts the keys of <paramref name="requests"/> in the current transaction; results in request order.</summary>
    private async Task<IssuedKey[][]> CutAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, List<PendingIssue> requests)
    {
        // Blocks needed per pool (link, owner), taken in one statement per pool.
        var needed = new Dictionary<(string Link, string Owner), int>();
        foreach (var pending in requests)
        {
            var request = pending.Request;
            var pool = (request.Link, request.Owner);
            needed[pool] = needed.GetValueOrDefault(pool) + (request.Count * PoolBlocks.BlocksFor(request.SizeBits));
        }

        var taken = new Dictionary<(string Link, string Owner), Queue<(long Index, byte[] Plain)>>();
        foreach (var ((link, owner), count) in needed)
        {
            var blocks = await DeleteReadyBlocksAsync(connection, transaction, link, owner, count).ConfigureAwait(false);
            if (blocks.Count < count)
            {
                var request = requests[0].Request;
                throw new KeyDeliveryException(DeliveryError.Unavailable, requests.Count == 1
                    ? $"not enough key material: {request.Count} keys of {request.SizeBits} bits need {count} pool blocks, {blocks.Count} available"
                    : $"not enough key material for {requests.Count} requests");
            }

            var queue = new Queue<(long, byte[])>(blocks.Count);
            foreach (var (index, record) in blocks)
            {
                queue.Enqueue((index, Open(record, PoolAad(link, index))));
            }

            taken[(link, owner)] = queue;
        }

        var results = new IssuedKey[requests.Count][];
        var rows = new KeyRows();
        var auditIds = new List<string>();
        var auditSaes = new List<string>();
        for (var r = 0; r < requests.Count; r++)
        {
            var request = requests[r].Request;
            var queue = taken[(request.Link, request.Owner)];
            var perKey = PoolBlocks.BlocksFor(request.SizeBits);
            var keys = new IssuedKey[request.Count];
            for (var k = 0; k < request.Count; k++)
            {
                var plain = new byte[perKey * BlockBytes];
                var indices = new long[perKey];
                for (var b = 0; b < perKey; b++)
                {
                    var (index, block) = queue.Dequeue();
                    indices[b] = index;
                    block.CopyTo(plain, b * BlockBytes);
                }

                keys[k] = new IssuedKey(Guid.NewGuid().ToString("D"), plain.AsSpan(0, request.SizeBits / 8).ToArray(), indices);
                auditIds.Add(keys[k].KeyId);
                auditSaes.Add(request.Master);
                if (request.LocalPending.Count > 0)
                {
                    rows.Add(keys[k].KeyId, request.Link, request.Master, Join(request.Slaves), request.SizeBits, Join(request.LocalPending), request.Syncing, Seal(keys[k].Material, KeyAad(keys[k].KeyId)));
                }
            }

            results[r] = keys;
        }

        await InsertKeyRowsAsync(connection, transaction, rows).ConfigureAwait(false);
        await AuditAsync(connection, transaction, auditIds, auditSaes, KeyDeliveryCall.EncKeys).ConfigureAwait(false);
        return results;
    }

    /// <summary>Inserts <paramref name="rows"/> (if any) in one statement, stamped with the current time.</summary>
    private async Task InsertKeyRowsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, KeyRows rows)
    {
        if (rows.Count == 0)
        {
            return;
        }

        await using var insert = Command(
            "INSERT INTO kme_keys(key_id, link, master, slaves, size_bits, pending, syncing, material, created) "
                + "SELECT k, l, m, s, z, p, y, x, $9 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::integer[], $6::text[], $7::boolean[], $8::bytea[]) AS t(k, l, m, s, z, p, y, x)",
            connection,
            transaction,
            rows.Ids.ToArray(),
            rows.Links.ToArray(),
            rows.Masters.ToArray(),
            rows.Slaves.ToArray(),
            rows.Sizes.ToArray(),
            rows.Pending.ToArray(),
            rows.Syncing.ToArray(),
            rows.Records.ToArray(),
            _time.GetUtcNow());
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    private sealed class PendingIssue(IssueRequest request)
    {
        public IssueRequest Request { get; } = request;

        public TaskCompletionSource<IssuedKey[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Column arrays of key rows for one <c>unnest</c> insert.</summary>
    private sealed class KeyRows
    {
        public List<string> Ids { get; } = [];

        public List<string> Links { get; } = [];

        public List<string> Masters { get; } = [];

        public List<string> Slaves { get; } = [];

        public List<int> Sizes { get; } = [];

        public List<string> Pending { get; } = [];

        public List<bool> Syncing { get; } = [];

        public List<byte[]> Records { get; } = [];

        public int Count => Ids.Count;

        public void Add(string id, string link, string master, string slaves, int size, string pending, bool syncing, byte[] record)
        {
            Ids.Add(id);
            Links.Add(link);
            Masters.Add(master);
            Slaves.Add(slaves);
            Sizes.Add(size);
            Pending.Add(pending);
            Syncing.Add(syncing);
            Records.Add(record);
        }
    }

    /// <summary>
    /// Deletes up to <paramref name="count"/> ready pool blocks of <paramref name="owner"/> on <paramref name="link"/>,
    /// lowest unlocked index first (rows other transactions hold are skipped), and returns them in index order with
    /// their sealed material; fewer when there are fewer (the caller's exception rolls the deletion back).
    /// </summary>
    private async Task<List<(long Index, byte[] Record)>> DeleteReadyBlocksAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string link, string owner, int count)
    {
        var blocks = new List<(long Index, byte[] Record)>(count);
        await using (var take = Command(
            "DELETE FROM kme_pool WHERE link = $1 AND idx IN (SELECT idx FROM kme_pool WHERE link = $1 AND owner = $2 AND ready ORDER BY idx LIMIT $3 FOR UPDATE SKIP LOCKED) RETURNING idx, material",
            connection,
            transaction,
            link,
            owner,
            count))
        await using (var reader = await take.ExecuteReaderAsync().ConfigureAwait(false))
        {
            while (await reader.ReadAsync().ConfigureAwait(false))
            {
                blocks.Add((reader.GetInt64(0), (byte[])reader.GetValue(1)));
            }
        }

        blocks.Sort((x, y) => x.Index.CompareTo(y.Index));
        return blocks;
    }
}
