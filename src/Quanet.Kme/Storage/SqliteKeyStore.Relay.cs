using Quanet.Kme.Relay;
using static Quanet.Kme.Storage.RelayRecords;

namespace Quanet.Kme.Storage;

internal sealed partial class SqliteKeyStore
{
    /// <inheritdoc/>
    public Task<RelayHop?> RelayStepAsync(string self, RelayStep step)
    {
        ArgumentNullException.ThrowIfNull(step);
        return _writer.Enqueue(() =>
        {
            byte[] keys;
            if (step.From is null)
            {
                if (FindHop(step.RelayId, step.To!) is { } again)
                {
                    return again; // another try on the same first hop re-sends the same ciphertext, never a new pad on the same keys
                }

                keys = step.Incoming;
            }
            else
            {
                if (RelayKnown(step.RelayId))
                {
                    return step.To is null ? null : FindHop(step.RelayId, step.To)
                        ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"relay {step.RelayId} already passed {self} towards another KME");
                }

                var inLink = Service.SaeDirectory.LinkName(step.From, self);
                keys = ReadBlocks(inLink, step.From, step.InBlocks) is { } pad
                    ? Xor(step.Incoming, pad)
                    : throw new KeyDeliveryException(DeliveryError.BadRequest, $"relay {step.RelayId} names pool blocks of link {inLink} that {self} does not hold for {step.From}");
                DeleteBlocks(inLink, step.InBlocks);
                var relay = Command("INSERT INTO relay(relay_id, from_kme, created) VALUES($r, $f, $c)");
                relay.Parameters.AddWithValue("$r", step.RelayId);
                relay.Parameters.AddWithValue("$f", step.From);
                relay.Parameters.AddWithValue("$c", _time.GetUtcNow().ToUnixTimeMilliseconds());
                relay.ExecuteNonQuery();
            }

            if (step.To is null)
            {
                var perKey = PoolBlocks.BlocksFor(step.SizeBits) * BlockBytes;
                var slaves = Join(step.Slaves);
                for (var k = 0; k < step.KeyIds.Count; k++)
                {
                    InsertKey(step.KeyIds[k], KeyLinkPrefix + step.From, step.Master, slaves, step.SizeBits, slaves, syncing: false, keys.AsSpan(k * perKey, step.SizeBits / 8).ToArray());
                }

                RelayAudit(step, Last, []);
                return null;
            }

            var outLink = Service.SaeDirectory.LinkName(self, step.To);
            var (indices, outPad) = TakeBlocks(outLink, self, keys.Length / BlockBytes)
                ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"not enough key on link {outLink} to relay {keys.Length / BlockBytes} blocks");
            DeleteBlocks(outLink, indices);
            var hop = new RelayHop(outLink, indices, Xor(keys, outPad));
            var insert = Command("INSERT INTO relay_hop(relay_id, next_kme, link, blocks, ciphertext, created) VALUES($r, $n, $l, $b, $x, $c)");
            insert.Parameters.AddWithValue("$r", step.RelayId);
            insert.Parameters.AddWithValue("$n", step.To);
            insert.Parameters.AddWithValue("$l", outLink);
            insert.Parameters.AddWithValue("$b", JoinIndices(indices));
            insert.Parameters.AddWithValue("$x", _cipher.Seal(hop.Ciphertext, HopAad(step.RelayId, step.To)));
            insert.Parameters.AddWithValue("$c", _time.GetUtcNow().ToUnixTimeMilliseconds());
            insert.ExecuteNonQuery();
            RelayAudit(step, step.From is null ? First : Transit, indices);
            return hop;
        });
    }

    /// <inheritdoc/>
    public Task<int> AuditIssueAsync(IReadOnlyList<string> keyIds, string master) => _writer.Enqueue(() =>
    {
        foreach (var keyId in keyIds)
        {
            Audit(keyId, master, KeyDeliveryCall.EncKeys);
        }

        return keyIds.Count;
    });

    /// <summary>Up to <paramref name="needed"/> ready blocks of <paramref name="owner"/> on <paramref name="link"/>, lowest first; null if there are fewer.</summary>
    private (long[] Indices, byte[] Plain)? TakeBlocks(string link, string owner, int needed)
    {
        var select = Command("SELECT idx, material FROM pool WHERE link = $l AND owner = $o AND ready = 1 ORDER BY idx LIMIT $n");
        select.Parameters.AddWithValue("$l", link);
        select.Parameters.AddWithValue("$o", owner);
        select.Parameters.AddWithValue("$n", needed);
        var indices = new long[needed];
        var plain = new byte[needed * BlockBytes];
        var found = 0;
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                indices[found] = reader.GetInt64(0);
                _cipher.Open((byte[])reader.GetValue(1), PoolAad(link, indices[found])).CopyTo(plain, found * BlockBytes);
                found++;
            }
        }

        return found < needed ? null : (indices, plain);
    }

    /// <summary>The plaintext of the given blocks of <paramref name="owner"/>, or null if any is missing.</summary>
    private byte[]? ReadBlocks(string link, string owner, IReadOnlyList<long> indices)
    {
        var plain = new byte[indices.Count * BlockBytes];
        var select = Command("SELECT material FROM pool WHERE link = $l AND idx = $i AND owner = $o AND ready = 1");
        select.Parameters.AddWithValue("$l", link);
        var pIndex = select.Parameters.Add("$i", Microsoft.Data.Sqlite.SqliteType.Integer);
        select.Parameters.AddWithValue("$o", owner);
        for (var b = 0; b < indices.Count; b++)
        {
            pIndex.Value = indices[b];
            if (select.ExecuteScalar() is not byte[] record)
            {
                return null;
            }

            _cipher.Open(record, PoolAad(link, indices[b])).CopyTo(plain, b * BlockBytes);
        }

        return plain;
    }

    private RelayHop? FindHop(string relayId, string next)
    {
        var select = Command("SELECT link, blocks, ciphertext FROM relay_hop WHERE relay_id = $r AND next_kme = $n");
        select.Parameters.AddWithValue("$r", relayId);
        select.Parameters.AddWithValue("$n", next);
        using var reader = select.ExecuteReader();
        return reader.Read()
            ? new RelayHop(reader.GetString(0), SplitIndices(reader.GetString(1)), _cipher.Open((byte[])reader.GetValue(2), HopAad(relayId, next)))
            : null;
    }

    private bool RelayKnown(string relayId)
    {
        var select = Command("SELECT 1 FROM relay WHERE relay_id = $r");
        select.Parameters.AddWithValue("$r", relayId);
        return select.ExecuteScalar() is not null;
    }

    private void RelayAudit(RelayStep step, string role, long[] outBlocks)
    {
        var command = Command("""
            INSERT INTO relay_audit(at, relay_id, role, key_ids, master, slaves, path, from_kme, in_blocks, to_kme, out_blocks)
            VALUES($t, $r, $o, $k, $m, $s, $p, $f, $i, $n, $b)
            """);
        command.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$r", step.RelayId);
        command.Parameters.AddWithValue("$o", role);
        command.Parameters.AddWithValue("$k", Join(step.KeyIds));
        command.Parameters.AddWithValue("$m", step.Master);
        command.Parameters.AddWithValue("$s", Join(step.Slaves));
        command.Parameters.AddWithValue("$p", string.Join('>', step.Path));
        command.Parameters.AddWithValue("$f", step.From ?? "");
        command.Parameters.AddWithValue("$i", JoinIndices(step.InBlocks));
        command.Parameters.AddWithValue("$n", step.To ?? "");
        command.Parameters.AddWithValue("$b", JoinIndices(outBlocks));
        command.ExecuteNonQuery();
    }
}
