using System.Security.Cryptography;
using Quanet.Kme.Configuration;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Relay;

/// <summary>
/// Trusted relay of keys to an SAE attached to a KME that is not a neighbour. The first KME draws the keys from
/// its CSPRNG and sends them hop by hop, one-time-padded under each link's pool blocks (consumed at both ends of
/// the link, never reused); every KME stores its step durably before passing the keys on; the master is answered
/// only after the last KME has stored the keys for the slave. A failed path is retried on the next one (same
/// relay ID and keys; a retried hop re-sends its recorded ciphertext) until <see cref="KmeOptions.RelayTimeoutMilliseconds"/>.
/// </summary>
internal sealed partial class RelayService
{
    private const int PathsPerRound = 4;
    private static readonly TimeSpan RoundPause = TimeSpan.FromMilliseconds(50);
    private readonly KmeOptions _options;
    private readonly SaeDirectory _directory;
    private readonly IKeyStore _store;
    private readonly IReadOnlyDictionary<string, RelayForwarder> _forwarders;
    private readonly TimeProvider _time;
    private readonly RelayRouter _router;
    private readonly LinkHealth _health;

    /// <param name="options">The KME settings (relay timeout, key size limits).</param>
    /// <param name="directory">The SAE table and the network's links.</param>
    /// <param name="store">The key store, which records every step durably.</param>
    /// <param name="forwarders">The grouped KME-to-KME channel to each neighbour.</param>
    /// <param name="time">Clock of the relay timeout and of the down-link memory.</param>
    public RelayService(KmeOptions options, SaeDirectory directory, IKeyStore store, IReadOnlyDictionary<string, RelayForwarder> forwarders, TimeProvider time)
    {
        _options = options;
        _directory = directory;
        _store = store;
        _forwarders = forwarders;
        _time = time;
        _router = new RelayRouter(directory.NetworkLinks);
        _health = new LinkHealth(time);
    }

    /// <summary>The neighbour a relay to <paramref name="destination"/> would take first now, or null if there is no path.</summary>
    public string? FirstHop(string destination)
    {
        var paths = _router.Paths(_directory.Self, destination, 1, FirstHopLevel, _health.IsDown);
        return paths.Count == 0 ? null : paths[0][1];
    }

    /// <summary>
    /// New keys for <paramref name="master"/> (attached here) shared with <paramref name="slaves"/> (all attached to
    /// <paramref name="destination"/>); completes when the keys are stored at <paramref name="destination"/>. With
    /// <paramref name="handOut"/> the master gets them now (enc_keys audit rows written); without, they are for the pre-relayed pool.
    /// </summary>
    /// <exception cref="KeyDeliveryException">No path delivered the keys in time (Unavailable).</exception>
    public async Task<IssuedKey[]> RelayAsync(string master, IReadOnlyList<string> slaves, string destination, int count, int sizeBits, bool handOut = true)
    {
        var perKey = PoolBlocks.BlocksFor(sizeBits) * PoolBlocks.BlockBytes;
        var material = RandomNumberGenerator.GetBytes(count * perKey);
        var keyIds = new string[count];
        for (var k = 0; k < count; k++)
        {
            keyIds[k] = Guid.NewGuid().ToString("D");
        }

        var relayId = Guid.NewGuid().ToString("D");
        var started = _time.GetTimestamp();
        var timeout = TimeSpan.FromMilliseconds(_options.RelayTimeoutMilliseconds);
        var last = $"no path from {_directory.Self} to {destination}";
        try
        {
            while (true)
            {
                foreach (var path in await PathsAsync(destination).ConfigureAwait(false))
                {
                    var remaining = timeout - _time.GetElapsedTime(started);
                    if (remaining <= TimeSpan.Zero)
                    {
                        break;
                    }

                    RelayHop hop;
                    try
                    {
                        hop = (await _store.RelayStepAsync(_directory.Self, new RelayStep(relayId, path, master, slaves, sizeBits, keyIds, null, [], material, path[1])).ConfigureAwait(false))!;
                    }
                    catch (KeyDeliveryException ex) when (ex.Error == DeliveryError.Unavailable)
                    {
                        last = ex.Message; // not enough key on the first link: try the next path
                        continue;
                    }

                    var result = await SendAsync(path[1], Message(relayId, path, master, slaves, sizeBits, keyIds, hop, remaining), remaining).ConfigureAwait(false);
                    if (result.Error.Length == 0)
                    {
                        if (handOut)
                        {
                            await _store.AuditIssueAsync(keyIds, master).ConfigureAwait(false);
                        }

                        return Keys(keyIds, material, sizeBits, perKey);
                    }

                    last = $"path {string.Join('>', path)}: {result.Error}";
                    if (result.FailedLink.Length > 0)
                    {
                        _health.MarkDown(result.FailedLink);
                        ReportFailed(result.FailedLink);
                    }
                }

                if (_time.GetElapsedTime(started) + RoundPause >= timeout)
                {
                    throw new KeyDeliveryException(DeliveryError.Unavailable, $"relay to {destination} failed: {last}");
                }

                await Task.Delay(RoundPause, _time).ConfigureAwait(false);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(material);
        }
    }

    /// <summary>KME-to-KME: relays arriving from neighbour <paramref name="sender"/> over <paramref name="batch"/>'s link.</summary>
    public async Task<RelayReply> AcceptAsync(string sender, RelayBatch batch)
    {
        if (!_directory.IsNeighbour(sender) || batch.Link != _directory.LinkTo(sender))
        {
            throw new KeyDeliveryException(DeliveryError.Unauthorized, $"'{sender}' is not this KME's neighbour on link '{batch.Link}'");
        }

        var results = new Task<RelayResult>[batch.Relays.Count];
        for (var i = 0; i < results.Length; i++)
        {
            results[i] = AcceptOneAsync(sender, batch.Relays[i]);
        }

        return new RelayReply { Results = [.. await Task.WhenAll(results).ConfigureAwait(false)] };
    }

    private async Task<RelayResult> AcceptOneAsync(string sender, RelayMessage message)
    {
        var received = _time.GetTimestamp();
        if (Problem(sender, message) is { } problem)
        {
            return RelayResult.Failed(message.RelayId, problem, "");
        }

        var position = message.Path.IndexOf(_directory.Self);
        var next = position == message.Path.Count - 1 ? null : message.Path[position + 1];
        RelayHop? hop;
        try
        {
            var incoming = Convert.FromBase64String(message.Ciphertext);
            hop = await _store.RelayStepAsync(_directory.Self, new RelayStep(message.RelayId, message.Path, message.Master, message.Slaves, message.SizeBits,
                message.KeyIds, sender, message.Blocks, incoming, next)).ConfigureAwait(false);
        }
        catch (FormatException)
        {
            return RelayResult.Failed(message.RelayId, $"{_directory.Self}: ciphertext is not base64", "");
        }
        catch (KeyDeliveryException ex)
        {
            // Not enough key on the outgoing link makes that link unusable for now: the first KME routes around it.
            var failed = next is not null && ex.Error == DeliveryError.Unavailable ? _directory.LinkTo(next) : "";
            return RelayResult.Failed(message.RelayId, $"{_directory.Self}: {ex.Message}", failed);
        }

        if (hop is null)
        {
            return RelayResult.Ok(message.RelayId);
        }

        var remaining = TimeSpan.FromMilliseconds(message.BudgetMilliseconds) - _time.GetElapsedTime(received);
        return remaining <= TimeSpan.Zero
            ? RelayResult.Failed(message.RelayId, $"{_directory.Self}: time budget used up", "")
            : await SendAsync(next!, Message(message.RelayId, message.Path, message.Master, message.Slaves, message.SizeBits, message.KeyIds, hop, remaining), remaining).ConfigureAwait(false);
    }

    private async Task<RelayResult> SendAsync(string neighbour, RelayMessage message, TimeSpan budget)
    {
        var link = _directory.LinkTo(neighbour);
        try
        {
            return await _forwarders[neighbour].ForwardAsync(message).WaitAsync(budget, _time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            return RelayResult.Failed(message.RelayId, $"{neighbour} did not answer within {budget.TotalMilliseconds:F0} ms", link);
        }
    }

    private long FirstHopLevel(string neighbour) =>
        _directory.IsNeighbour(neighbour) ? _store.CountBlocks(_directory.LinkTo(neighbour), _directory.Self) : 0;

    private static RelayMessage Message(string relayId, List<string> path, string master, IReadOnlyList<string> slaves, int sizeBits, IReadOnlyList<string> keyIds, RelayHop hop, TimeSpan budget) => new()
    {
        RelayId = relayId,
        Path = path,
        Master = master,
        Slaves = [.. slaves],
        SizeBits = sizeBits,
        KeyIds = [.. keyIds],
        Blocks = [.. hop.Blocks],
        Ciphertext = Convert.ToBase64String(hop.Ciphertext),
        BudgetMilliseconds = (int)Math.Max(1, budget.TotalMilliseconds),
    };

    private static IssuedKey[] Keys(string[] keyIds, byte[] material, int sizeBits, int perKey)
    {
        var keys = new IssuedKey[keyIds.Length];
        for (var k = 0; k < keyIds.Length; k++)
        {
            keys[k] = new IssuedKey(keyIds[k], material.AsSpan(k * perKey, sizeBits / 8).ToArray(), []);
        }

        return keys;
    }
}
