using System.Text.Json;
using Quanet.Kme.Configuration;
using Quanet.Kme.Peering;
using Quanet.Kme.Protocol;
using Quanet.Kme.Relay;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Service;

/// <summary>
/// The ETSI GS QKD 014 logic of one KME: validates requests, cuts keys from the right pool, keeps the peer KME
/// in step, and releases each key only to its master (once, at creation) and to the slaves named at creation
/// (once each).
/// </summary>
/// <remarks>
/// Delivery is at-most-once: the master is recorded as served in the same durable transaction that cuts the
/// key, before the HTTP response is written; a slave is struck from the key's pending parties in the durable
/// transaction that reads the key. A crash between commit and response loses that response (the SAE asks
/// again and gets new keys) but can never hand the same key out twice, which for key material is the failure
/// that matters. Committed keys not yet fetched by a slave survive any crash.
/// </remarks>
internal sealed class KeyDeliveryService
{
    private readonly KmeOptions _options;
    private readonly SaeDirectory _directory;
    private readonly IKeyStore _store;
    private readonly IReadOnlyDictionary<string, PeerAnnouncer> _announcers;
    private readonly RelayService? _relay;
    private readonly RelayPool? _relayPool;

    /// <param name="options">The KME settings.</param>
    /// <param name="directory">The SAE table and links.</param>
    /// <param name="store">The key store.</param>
    /// <param name="announcers">The grouped key hand-over to each neighbour KME.</param>
    /// <param name="relay">Trusted relay to KMEs that are not neighbours; null when there are none.</param>
    /// <param name="relayPool">Keys relayed ahead per (master, slave) pair, tried before <paramref name="relay"/>; null when there is none.</param>
    public KeyDeliveryService(KmeOptions options, SaeDirectory directory, IKeyStore store, IReadOnlyDictionary<string, PeerAnnouncer> announcers, RelayService? relay,
        RelayPool? relayPool = null)
    {
        _relayPool = relayPool;
        _options = options;
        _directory = directory;
        _store = store;
        _announcers = announcers;
        _relay = relay;
    }

    public RelayService? Relay => _relay;

    public SaeDirectory Directory => _directory;

    public IKeyStore Store => _store;

    /// <summary>Get status (ETSI GS QKD 014 clause 5.1), called by <paramref name="master"/> about <paramref name="slave"/>.</summary>
    /// <remarks>
    /// stored_key_count: for a neighbour or a local slave, the keys of the default size in the link's pool; across a
    /// relay, the pair's pre-relayed keys plus what the first link on the path holds (the part of the path this KME
    /// sees; the controller's <c>/qkd/v1/paths</c> gives the path's bottleneck).
    /// </remarks>
    public KeyStatus GetStatus(string master, string slave)
    {
        RequireLocalCaller(master);
        var target = TargetOf([RequireKnownSlave(slave, master)]);
        var link = target == _directory.Self ? _directory.LocalLink
            : _directory.IsNeighbour(target) ? _directory.LinkTo(target)
            : _relay?.FirstHop(target) is { } first ? _directory.LinkTo(first) : _directory.LocalLink;
        var perKey = PoolBlocks.BlocksFor(_options.DefaultKeySize);
        return new KeyStatus
        {
            SourceKmeId = _directory.Self,
            TargetKmeId = _directory.KmeOf(slave)!,
            MasterSaeId = master,
            SlaveSaeId = slave,
            KeySize = _options.DefaultKeySize,
            StoredKeyCount = (target != _directory.Self && link == _directory.LocalLink ? 0 : _store.CountBlocks(link, _directory.Self) / perKey)
                + (target != _directory.Self && !_directory.IsNeighbour(target) ? _store.CountRelayPool(master, slave) : 0),
            MaxKeyCount = _options.MaxKeyCount,
            MaxKeyPerRequest = _options.MaxKeyPerRequest,
            MaxKeySize = _options.MaxKeySize,
            MinKeySize = _options.MinKeySize,
            MaxSaeIdCount = _options.MaxSaeIdCount,
        };
    }

    /// <summary>Get key (clause 5.2): new keys for master SAE <paramref name="master"/> to share with <paramref name="slave"/>.</summary>
    public async Task<KeyContainer> GetKeysAsync(string master, string slave, KeyRequest request, CancellationToken cancellationToken)
    {
        RequireLocalCaller(master);
        var slaves = new List<string> { RequireKnownSlave(slave, master) };
        var number = request.Number ?? 1;
        var size = request.Size ?? _options.DefaultKeySize;
        var problems = new List<IDictionary<string, string>>();
        if (number < 1 || number > _options.MaxKeyPerRequest)
        {
            problems.Add(Detail("number", $"must be between 1 and max_key_per_request ({_options.MaxKeyPerRequest}), got {number}"));
        }

        if (size % 8 != 0)
        {
            problems.Add(Detail("size", $"must be a multiple of 8, got {size}"));
        }
        else if (size < _options.MinKeySize || size > _options.MaxKeySize)
        {
            problems.Add(Detail("size", $"must be between min_key_size ({_options.MinKeySize}) and max_key_size ({_options.MaxKeySize}), got {size}"));
        }

        var additional = request.AdditionalSlaveSaeIds ?? [];
        if (additional.Count > _options.MaxSaeIdCount)
        {
            problems.Add(Detail("additional_slave_SAE_IDs", $"at most max_SAE_ID_count ({_options.MaxSaeIdCount}) SAEs, got {additional.Count}"));
        }

        foreach (var extra in additional)
        {
            if (extra is null || !_directory.IsKnown(extra) || extra == master || slaves.Contains(extra))
            {
                problems.Add(Detail("additional_slave_SAE_IDs", $"'{extra}' is unknown, the master, or listed twice"));
            }
            else
            {
                slaves.Add(extra);
            }
        }

        foreach (var extension in request.ExtensionMandatory ?? [])
        {
            problems.Add(Detail("extension_mandatory", $"unsupported mandatory extension {Names(extension)}"));
        }

        if (problems.Count > 0)
        {
            throw new KeyRequestException(problems);
        }

        var target = TargetOf(slaves);
        if (target != _directory.Self && !_directory.IsNeighbour(target))
        {
            var relay = _relay ?? throw new KeyDeliveryException(DeliveryError.Unavailable, $"slave SAEs are attached to {target}, which this KME has no route to");
            if (slaves.Count == 1 && _relayPool is not null && await _relayPool.TryDrawAsync(master, slaves[0], number, size).ConfigureAwait(false) is { } pooled)
            {
                return Container(pooled);
            }

            return Container(await relay.RelayAsync(master, slaves, target, number, size).ConfigureAwait(false));
        }

        var link = target == _directory.Self ? _directory.LocalLink : _directory.LinkTo(target);
        var localPending = slaves.FindAll(_directory.IsLocal);
        var syncing = target != _directory.Self;
        var keys = await _store.IssueAsync(new IssueRequest(link, _directory.Self, number, size, master, slaves, localPending, syncing)).ConfigureAwait(false);
        if (syncing)
        {
            await AnnounceAsync(target, master, slaves, size, keys, localPending.Count > 0).ConfigureAwait(false);
        }

        return Container(keys);
    }

    /// <summary>Get key with key IDs (clause 5.3): slave <paramref name="slave"/> fetches keys made for master <paramref name="master"/>.</summary>
    public async Task<KeyContainer> GetKeysWithIdsAsync(string slave, string master, IReadOnlyList<string?> keyIds)
    {
        RequireLocalCaller(slave);
        if (!_directory.IsKnown(master))
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"unknown master_SAE_ID '{master}'");
        }

        if (keyIds.Count == 0 || keyIds.Count > _options.MaxKeyPerRequest)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"key_IDs must hold 1 to {_options.MaxKeyPerRequest} entries, got {keyIds.Count}");
        }

        var ids = new List<string>(keyIds.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var keyId in keyIds)
        {
            if (keyId is null || !Guid.TryParseExact(keyId, "D", out var parsed))
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, "key_ID is not a UUID", keyId is null ? [] : [keyId]);
            }

            var canonical = parsed.ToString("D");
            if (!seen.Add(canonical))
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, "key_ID listed twice", [keyId]);
            }

            ids.Add(canonical);
        }

        return Container(await _store.DeliverAsync(ids, slave, master).ConfigureAwait(false));
    }

    /// <summary>KME-to-KME: keys the peer cut from blocks it owns.</summary>
    public Task<int> ApplyPeerKeysAsync(string sender, PeerKeyBatch batch)
    {
        RequirePeer(sender, batch.Link);
        foreach (var key in batch.Keys)
        {
            if (!_directory.IsKnown(key.Master) || key.Slaves.Count == 0)
            {
                throw new KeyDeliveryException(DeliveryError.BadRequest, $"peer key '{key.KeyId}' names an unknown master or no slaves");
            }
        }

        return _store.ApplyPeerKeysAsync(batch.Link, sender, batch.Keys, _directory.IsLocal);
    }

    /// <summary>KME-to-KME: simulated-QKD pool blocks from the link leader.</summary>
    public Task<bool> ApplyPoolAsync(string sender, PoolBatch batch)
    {
        RequirePeer(sender, batch.Link);
        if (sender != SaeDirectory.LeaderOf(batch.Link))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, "only the link leader produces pool blocks");
        }

        byte[] material;
        try
        {
            material = Convert.FromBase64String(batch.Material);
        }
        catch (FormatException)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "pool material is not base64");
        }

        return _store.InsertPeerBlocksAsync(batch.Link, batch.FirstIndex, material, index => _directory.OwnerOf(batch.Link, index));
    }

    /// <summary>
    /// Hands the new keys to the peer KME (grouped with concurrent requests) before the master may have them. Keys
    /// that also wait for slaves attached here were recorded as syncing and become fetchable only once the peer
    /// holds them; keys only the peer's slaves wait for leave no record here.
    /// </summary>
    private async Task AnnounceAsync(string peer, string master, List<string> slaves, int size, IssuedKey[] keys, bool recordedHere)
    {
        var announced = new PeerKey[keys.Length];
        var ids = new string[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            ids[i] = keys[i].KeyId;
            announced[i] = new PeerKey { KeyId = keys[i].KeyId, Master = master, Slaves = slaves, SizeBits = size, Blocks = [.. keys[i].Blocks] };
        }

        try
        {
            await _announcers[peer].AnnounceAsync(announced).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException or KeyDeliveryException)
        {
            if (recordedHere)
            {
                await _store.AbortSyncAsync(ids).ConfigureAwait(false);
            }

            throw new KeyDeliveryException(DeliveryError.Unavailable, $"peer KME {peer} did not take the keys: {ex.Message}");
        }

        if (recordedHere)
        {
            await _store.FinishSyncAsync(ids).ConfigureAwait(false);
        }
    }

    private void RequireLocalCaller(string sae)
    {
        if (!_directory.IsLocal(sae))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, $"SAE '{sae}' is not registered at KME {_directory.Self}");
        }
    }

    private string RequireKnownSlave(string slave, string master)
    {
        if (!_directory.IsKnown(slave))
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"unknown slave_SAE_ID '{slave}'");
        }

        return slave == master ? throw new KeyDeliveryException(DeliveryError.BadRequest, "slave_SAE_ID must differ from the master SAE") : slave;
    }

    private void RequirePeer(string sender, string link)
    {
        if (!_directory.IsNeighbour(sender) || link != _directory.LinkTo(sender))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, $"'{sender}' is not this KME's peer for link '{link}'");
        }
    }

    /// <summary>The KME all <paramref name="slaves"/> are attached to (this one, a neighbour, or one reached by relay).</summary>
    private string TargetOf(IReadOnlyList<string> slaves)
    {
        var local = slaves.Any(_directory.IsLocal);
        var remote = slaves.Where(s => !_directory.IsLocal(s)).Select(s => _directory.KmeOf(s)!).Distinct(StringComparer.Ordinal).ToList();
        if (remote.Count == 0)
        {
            return _directory.Self;
        }

        if (remote.Count > 1 || (local && !_directory.IsNeighbour(remote[0])))
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "all slave SAEs of one request must be attached to the same KME (or to this KME and one neighbour)");
        }

        if (!_directory.IsNeighbour(remote[0]) && _relay is null)
        {
            throw new KeyDeliveryException(DeliveryError.Unavailable, "a slave SAE is attached to another KME and this KME has no peer link");
        }

        return remote[0];
    }

    private static KeyContainer Container(IssuedKey[] keys)
    {
        var container = new KeyContainer { Keys = new List<KeyEntry>(keys.Length) };
        foreach (var key in keys)
        {
            container.Keys.Add(new KeyEntry { KeyId = key.KeyId, Key = Convert.ToBase64String(key.Material) });
        }

        return container;
    }

    private static Dictionary<string, string> Detail(string name, string reason) => new(StringComparer.Ordinal) { [name] = reason };

    private static string Names(JsonElement extension)
    {
        if (extension.ValueKind != JsonValueKind.Object)
        {
            return extension.GetRawText();
        }

        var names = new List<string>();
        foreach (var property in extension.EnumerateObject())
        {
            names.Add(property.Name);
        }

        return string.Join(", ", names);
    }
}
