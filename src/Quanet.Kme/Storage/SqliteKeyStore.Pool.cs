namespace Quanet.Kme.Storage;

internal sealed partial class SqliteKeyStore
{
    /// <summary>
    /// Appends <paramref name="material"/> (whole blocks) to the pool of <paramref name="link"/> at the link's next
    /// indices, which are never reused; returns the first index. <paramref name="ready"/> false keeps the blocks
    /// unusable until <see cref="MarkReadyAsync"/> (after the peer KME confirmed it holds them too).
    /// </summary>
    public Task<long> AppendBlocksAsync(string link, Func<long, string> ownerOf, byte[] material, bool ready)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (material.Length == 0 || material.Length % BlockBytes != 0)
        {
            throw new ArgumentException("pool material must be whole blocks", nameof(material));
        }

        return _writer.Enqueue(() =>
        {
            var first = NextIndex(link);
            InsertBlocks(link, first, material, ownerOf, ready, ignoreExisting: false);
            SetNextIndex(link, first + (material.Length / BlockBytes));
            return first;
        });
    }

    /// <summary>Reserves <paramref name="count"/> fresh indices of <paramref name="link"/>; returns the first.</summary>
    public Task<long> ReserveIndicesAsync(string link, int count) => _writer.Enqueue(() =>
    {
        var first = NextIndex(link);
        SetNextIndex(link, first + count);
        return first;
    });

    /// <summary>
    /// Stores blocks at the given indices (idempotent). <paramref name="requireFresh"/> refuses indices at or
    /// below ones this KME already knows (a replayed agreement).
    /// </summary>
    public Task<bool> InsertPeerBlocksAsync(string link, long first, byte[] material, Func<long, string> ownerOf, bool ready = true, bool requireFresh = false)
    {
        ArgumentNullException.ThrowIfNull(material);
        if (first < 0 || material.Length == 0 || material.Length % BlockBytes != 0)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "pool batch must hold whole blocks at a non-negative index");
        }

        return _writer.Enqueue(() =>
        {
            if (requireFresh && first < NextIndex(link))
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, $"pool index {first} of link {link} is already in use");
            }

            InsertBlocks(link, first, material, ownerOf, ready, ignoreExisting: true);
            var next = first + (material.Length / BlockBytes);
            if (next > NextIndex(link))
            {
                SetNextIndex(link, next);
            }

            return true;
        });
    }

    /// <summary>Makes blocks <paramref name="first"/> .. <paramref name="first"/> + <paramref name="count"/> - 1 usable.</summary>
    public Task<int> MarkReadyAsync(string link, long first, int count) => _writer.Enqueue(() =>
    {
        var command = Command("UPDATE pool SET ready = 1 WHERE link = $l AND idx >= $f AND idx < $e");
        command.Parameters.AddWithValue("$l", link);
        command.Parameters.AddWithValue("$f", first);
        command.Parameters.AddWithValue("$e", first + count);
        return command.ExecuteNonQuery();
    });

    /// <summary>Blocks written but never confirmed by the peer (a crash between write and push): index and plaintext.</summary>
    public Task<List<(long Index, byte[] Material)>> ListUnreadyAsync(string link) => _writer.Enqueue(() =>
    {
        var command = Command("SELECT idx, material FROM pool WHERE link = $l AND ready = 0 ORDER BY idx");
        command.Parameters.AddWithValue("$l", link);
        var blocks = new List<(long, byte[])>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var index = reader.GetInt64(0);
            blocks.Add((index, _cipher.Open((byte[])reader.GetValue(1), PoolAad(link, index))));
        }

        return blocks;
    });

    private void InsertBlocks(string link, long first, byte[] material, Func<long, string> ownerOf, bool ready, bool ignoreExisting)
    {
        var command = Command(ignoreExisting
            ? "INSERT OR IGNORE INTO pool(link, idx, owner, ready, material) VALUES($l, $i, $o, $r, $m)"
            : "INSERT INTO pool(link, idx, owner, ready, material) VALUES($l, $i, $o, $r, $m)");
        command.Parameters.AddWithValue("$l", link);
        var pIndex = command.Parameters.Add("$i", Microsoft.Data.Sqlite.SqliteType.Integer);
        var pOwner = command.Parameters.Add("$o", Microsoft.Data.Sqlite.SqliteType.Text);
        command.Parameters.AddWithValue("$r", ready ? 1 : 0);
        var pMaterial = command.Parameters.Add("$m", Microsoft.Data.Sqlite.SqliteType.Blob);
        var blocks = material.Length / BlockBytes;
        for (var i = 0; i < blocks; i++)
        {
            var index = first + i;
            pIndex.Value = index;
            pOwner.Value = ownerOf(index);
            pMaterial.Value = _cipher.Seal(material.AsSpan(i * BlockBytes, BlockBytes), PoolAad(link, index));
            command.ExecuteNonQuery();
        }
    }

    private long NextIndex(string link)
    {
        var command = Command("SELECT next_idx FROM link_state WHERE link = $l");
        command.Parameters.AddWithValue("$l", link);
        return command.ExecuteScalar() is long next ? next : 0;
    }

    private void SetNextIndex(string link, long next)
    {
        var command = Command("INSERT INTO link_state(link, next_idx) VALUES($l, $n) ON CONFLICT(link) DO UPDATE SET next_idx = excluded.next_idx");
        command.Parameters.AddWithValue("$l", link);
        command.Parameters.AddWithValue("$n", next);
        command.ExecuteNonQuery();
    }
}
