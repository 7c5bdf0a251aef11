using Quanet.Kme.Peering;

namespace Quanet.Kme.Storage;

internal sealed partial class SqliteKeyStore
{
    /// <summary>
    /// Cuts <see cref="IssueRequest.Count"/> keys from the owner's ready pool blocks and records them for the slaves
    /// attached here, in one durable transaction. The master is counted as served in that same transaction
    /// (at-most-once delivery).
    /// </summary>
    /// <exception cref="KeyDeliveryException">Not enough key in the pool (<see cref="DeliveryError.Unavailable"/>).</exception>
    public Task<IssuedKey[]> IssueAsync(IssueRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _writer.Enqueue(() =>
        {
            var perKey = PoolBlocks.BlocksFor(request.SizeBits);
            var needed = request.Count * perKey;
            var (indices, plain) = TakeBlocks(request.Link, request.Owner, needed)
                ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"not enough key material: {request.Count} keys of {request.SizeBits} bits need {needed} pool blocks, fewer available");
            DeleteBlocks(request.Link, indices);
            var keys = new IssuedKey[request.Count];
            var slaves = Join(request.Slaves);
            var pending = Join(request.LocalPending);
            for (var k = 0; k < request.Count; k++)
            {
                var material = plain.AsSpan(k * perKey * BlockBytes, request.SizeBits / 8).ToArray();
                var keyId = Guid.NewGuid().ToString("D");
                if (pending.Length > 0)
                {
                    InsertKey(keyId, request.Link, request.Master, slaves, request.SizeBits, pending, request.Syncing, material);
                }

                Audit(keyId, request.Master, KeyDeliveryCall.EncKeys);
                keys[k] = new IssuedKey(keyId, material, indices.AsSpan(k * perKey, perKey).ToArray());
            }

            return keys;
        });
    }

    /// <summary>The peer KME acknowledged the keys: they become fetchable by the local slaves (if any).</summary>
    public Task<int> FinishSyncAsync(IReadOnlyList<string> keyIds) => _writer.Enqueue(() =>
    {
        var update = Command("UPDATE keys SET syncing = 0 WHERE key_id = $k");
        var parameter = update.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
        foreach (var keyId in keyIds)
        {
            parameter.Value = keyId;
            update.ExecuteNonQuery();
        }

        return Command("DELETE FROM keys WHERE syncing = 0 AND pending = ''").ExecuteNonQuery();
    });

    /// <summary>The peer KME could not take the keys: forget them (their pool blocks stay consumed, never reused).</summary>
    public Task<int> AbortSyncAsync(IReadOnlyList<string> keyIds) => _writer.Enqueue(() =>
    {
        var delete = Command("DELETE FROM keys WHERE key_id = $k AND syncing = 1");
        var parameter = delete.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
        var deleted = 0;
        foreach (var keyId in keyIds)
        {
            parameter.Value = keyId;
            deleted += delete.ExecuteNonQuery();
        }

        return deleted;
    });

    /// <summary>After a restart: keys whose peer announcement was interrupted were never given to their master; drop them.</summary>
    public Task<int> RecoverInterruptedAsync() =>
        _writer.Enqueue(() => Command("DELETE FROM keys WHERE syncing = 1").ExecuteNonQuery());

    /// <summary>
    /// Records keys the peer KME cut from blocks it owns: rebuilds each key from this KME's copy of the blocks,
    /// consumes them and keeps the key for the slaves attached here. Idempotent per key ID.
    /// </summary>
    public Task<int> ApplyPeerKeysAsync(string link, string sender, IReadOnlyList<PeerKey> keys, Func<string, bool> isLocalSae) => _writer.Enqueue(() =>
    {
        var applied = 0;
        foreach (var key in keys)
        {
            if (!Guid.TryParseExact(key.KeyId, "D", out _) || key.SizeBits <= 0 || key.SizeBits % 8 != 0 || key.Blocks.Count != PoolBlocks.BlocksFor(key.SizeBits))
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, $"malformed peer key '{key.KeyId}'");
            }

            if (KeyExists(key.KeyId))
            {
                continue;
            }

            var plain = new byte[key.Blocks.Count * BlockBytes];
            var select = Command("SELECT material FROM pool WHERE link = $l AND idx = $i AND owner = $o");
            select.Parameters.AddWithValue("$l", link);
            var pIndex = select.Parameters.Add("$i", Microsoft.Data.Sqlite.SqliteType.Integer);
            select.Parameters.AddWithValue("$o", sender);
            for (var b = 0; b < key.Blocks.Count; b++)
            {
                pIndex.Value = key.Blocks[b];
                var record = select.ExecuteScalar() as byte[]
                    ?? throw new KeyDeliveryException(DeliveryError.BadRequest, $"peer key '{key.KeyId}' names pool block {key.Blocks[b]} that this KME does not hold for {sender}");
                _cipher.Open(record, PoolAad(link, key.Blocks[b])).CopyTo(plain, b * BlockBytes);
            }

            DeleteBlocks(link, key.Blocks);
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
                InsertKey(key.KeyId, link, key.Master, Join(key.Slaves), key.SizeBits, Join(pending), syncing: false, plain.AsSpan(0, key.SizeBits / 8).ToArray());
            }

            applied++;
        }

        return applied;
    });

    /// <summary>
    /// Hands keys to a slave SAE: all or none. Each key must have been created by <paramref name="master"/> with
    /// <paramref name="requester"/> among its slaves; the requester is then struck from the key's pending parties
    /// and the key is deleted once no party is pending.
    /// </summary>
    /// <exception cref="KeyDeliveryException">Unknown, expired, already fetched, or not the requester's key: all alike (400).</exception>
    public Task<IssuedKey[]> DeliverAsync(IReadOnlyList<string> keyIds, string requester, string master) => _writer.Enqueue(() =>
    {
        var result = new IssuedKey[keyIds.Count];
        var select = Command("SELECT master, slaves, pending, material FROM keys WHERE key_id = $k AND syncing = 0");
        var pKey = select.Parameters.Add("$k", Microsoft.Data.Sqlite.SqliteType.Text);
        for (var i = 0; i < keyIds.Count; i++)
        {
            var keyId = keyIds[i];
            pKey.Value = keyId;
            string keyMaster, slaves, pending;
            byte[] record;
            using (var reader = select.ExecuteReader())
            {
                if (!reader.Read())
                {
                    throw KeyDeliveryException.NotFound(keyId);
                }

                keyMaster = reader.GetString(0);
                slaves = reader.GetString(1);
                pending = reader.GetString(2);
                record = (byte[])reader.GetValue(3);
            }

            var parties = new List<string>(Split(pending));
            if (keyMaster != master || Array.IndexOf(Split(slaves), requester) < 0 || !parties.Remove(requester))
            {
                throw KeyDeliveryException.NotFound(keyId);
            }

            Audit(keyId, requester, KeyDeliveryCall.DecKeys);

            result[i] = new IssuedKey(keyId, _cipher.Open(record, KeyAad(keyId)), []);
            if (parties.Count == 0)
            {
                var delete = Command("DELETE FROM keys WHERE key_id = $k");
                delete.Parameters.AddWithValue("$k", keyId);
                delete.ExecuteNonQuery();
            }
            else
            {
                var update = Command("UPDATE keys SET pending = $p WHERE key_id = $k");
                update.Parameters.AddWithValue("$p", Join(parties));
                update.Parameters.AddWithValue("$k", keyId);
                update.ExecuteNonQuery();
            }
        }

        return result;
    });

    /// <inheritdoc/>
    public Task<int> ExpireAsync(DateTimeOffset cutoff) => _writer.Enqueue(() =>
    {
        var delete = Command("DELETE FROM keys WHERE syncing = 0 AND created < $c");
        delete.Parameters.AddWithValue("$c", cutoff.ToUnixTimeMilliseconds());
        var expired = delete.ExecuteNonQuery();

        // A relay's idempotency records are needed only while its first KME may still retry it.
        // Pre-relayed keys the first KME still holds are drawn only while young (see RelayPool), so older ones are dead weight.
        foreach (var table in new[] { "DELETE FROM relay WHERE created < $c", "DELETE FROM relay_hop WHERE created < $c", "DELETE FROM relay_pool WHERE created < $c" })
        {
            var forget = Command(table);
            forget.Parameters.AddWithValue("$c", cutoff.ToUnixTimeMilliseconds());
            forget.ExecuteNonQuery();
        }

        return expired;
    });

    /// <summary>Writes the audit row of a release in the current transaction.</summary>
    private void Audit(string keyId, string sae, KeyDeliveryCall call)
    {
        var command = Command("INSERT INTO audit(at, sae, key_id, call) VALUES($t, $s, $k, $c)");
        command.Parameters.AddWithValue("$t", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.Parameters.AddWithValue("$s", sae);
        command.Parameters.AddWithValue("$k", keyId);
        command.Parameters.AddWithValue("$c", KeyDelivery.Name(call));
        command.ExecuteNonQuery();
    }

    private bool KeyExists(string keyId)
    {
        var command = Command("SELECT 1 FROM keys WHERE key_id = $k");
        command.Parameters.AddWithValue("$k", keyId);
        return command.ExecuteScalar() is not null;
    }

    private void InsertKey(string keyId, string link, string master, string slaves, int sizeBits, string pending, bool syncing, byte[] material)
    {
        var command = Command("INSERT INTO keys(key_id, link, master, slaves, size_bits, pending, syncing, material, created) VALUES($k, $l, $m, $s, $z, $p, $y, $x, $c)");
        command.Parameters.AddWithValue("$k", keyId);
        command.Parameters.AddWithValue("$l", link);
        command.Parameters.AddWithValue("$m", master);
        command.Parameters.AddWithValue("$s", slaves);
        command.Parameters.AddWithValue("$z", sizeBits);
        command.Parameters.AddWithValue("$p", pending);
        command.Parameters.AddWithValue("$y", syncing ? 1 : 0);
        command.Parameters.AddWithValue("$x", _cipher.Seal(material, KeyAad(keyId)));
        command.Parameters.AddWithValue("$c", _time.GetUtcNow().ToUnixTimeMilliseconds());
        command.ExecuteNonQuery();
    }

    private void DeleteBlocks(string link, IEnumerable<long> indices)
    {
        var command = Command("DELETE FROM pool WHERE link = $l AND idx = $i");
        command.Parameters.AddWithValue("$l", link);
        var pIndex = command.Parameters.Add("$i", Microsoft.Data.Sqlite.SqliteType.Integer);
        foreach (var index in indices)
        {
            pIndex.Value = index;
            command.ExecuteNonQuery();
        }
    }
}
