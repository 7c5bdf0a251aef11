using System.Collections.Concurrent;
using Quanet.Kme.Configuration;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Relay;

/// <summary>
/// Pre-relayed end-to-end keys: for each (master SAE, slave SAE) pair that asked this KME for keys across a relay,
/// keeps up to <see cref="KmeOptions.RelayPoolKeys"/> keys of the default size relayed ahead in batches, so that
/// enc_keys becomes a local draw (one durable transaction, as between neighbours) and dec_keys at the slave's KME
/// finds the key already there. A batch is an ordinary relay (one-time pad per hop, every step durable) whose keys
/// wait at the last KME for the slave, bound to the master; here they enter the pool only after the last KME stored
/// them. A key leaves the pool once, in the transaction that answers the master.
/// </summary>
/// <remarks>
/// A crash between the last KME's commit and the pool's leaves keys at the slave's KME that no master will ever get;
/// they expire there like any unfetched key. Since the slave's KME expires keys <see cref="KmeOptions.KeyExpirySeconds"/>
/// after it stored them, the pool hands out only keys younger than half that, leaving the slave the other half.
/// </remarks>
internal sealed class RelayPool : IAsyncDisposable
{
    private const int BatchesInFlight = 4;
    private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan Backoff = TimeSpan.FromMilliseconds(200);
    private readonly KmeOptions _options;
    private readonly SaeDirectory _directory;
    private readonly IKeyStore _store;
    private readonly RelayService _relay;
    private readonly TimeProvider _time;
    private readonly Action<string> _log;
    private readonly ConcurrentDictionary<(string Master, string Slave), Task> _fillers = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <param name="options">The KME settings (pool size, key size, expiry, batch limit).</param>
    /// <param name="directory">Where each slave SAE is attached.</param>
    /// <param name="store">Holds the pool durably.</param>
    /// <param name="relay">Relays the batches.</param>
    /// <param name="time">Clock of the pool's age limit and of the fill loop.</param>
    /// <param name="log">Receives a line when filling fails (never key material).</param>
    public RelayPool(KmeOptions options, SaeDirectory directory, IKeyStore store, RelayService relay, TimeProvider time, Action<string> log)
    {
        _options = options;
        _directory = directory;
        _store = store;
        _relay = relay;
        _time = time;
        _log = log;
    }

    /// <summary>Resumes filling the pools of the pairs that have keys in the store (after a restart).</summary>
    public async Task ResumeAsync()
    {
        foreach (var (master, slave) in await _store.ListRelayPoolPairsAsync().ConfigureAwait(false))
        {
            if (_directory.IsLocal(master) && _directory.KmeOf(slave) is { } kme && kme != _directory.Self && !_directory.IsNeighbour(kme))
            {
                Demand(master, slave);
            }
        }
    }

    /// <summary>
    /// <paramref name="count"/> pre-relayed keys for <paramref name="master"/> and its one slave <paramref name="slave"/>,
    /// or null when the pool cannot serve the request (other size, not enough keys yet): the caller relays it synchronously.
    /// The first call for a pair starts filling its pool.
    /// </summary>
    public async Task<IssuedKey[]?> TryDrawAsync(string master, string slave, int count, int sizeBits)
    {
        if (_options.RelayPoolKeys <= 0 || sizeBits != _options.DefaultKeySize)
        {
            return null;
        }

        Demand(master, slave);
        return await _store.DrawRelayPoolAsync(master, slave, sizeBits, count, NotBefore()).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_fillers.Values).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Fill loops end by cancellation.
        }

        _stopping.Dispose();
    }

    private DateTimeOffset NotBefore() => _options.KeyExpirySeconds > 0
        ? _time.GetUtcNow() - TimeSpan.FromSeconds(_options.KeyExpirySeconds / 2.0)
        : DateTimeOffset.MinValue;

    private void Demand(string master, string slave)
    {
        if (_options.RelayPoolKeys <= 0 || _stopping.IsCancellationRequested || _fillers.ContainsKey((master, slave)))
        {
            return;
        }

        var token = _stopping.Token;
        _fillers.GetOrAdd((master, slave), pair => Task.Run(() => FillAsync(pair.Master, pair.Slave, token), token));
    }

    /// <summary>Keeps up to <see cref="BatchesInFlight"/> batches relaying while the pool (counting them) is short of its size.</summary>
    private async Task FillAsync(string master, string slave, CancellationToken cancellationToken)
    {
        var destination = _directory.KmeOf(slave)!;
        var inFlight = new Dictionary<Task<bool>, int>(BatchesInFlight);
        var pending = 0;
        var failing = false;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var room = _options.RelayPoolKeys - _store.CountRelayPool(master, slave) - pending;
                if (inFlight.Count < BatchesInFlight && room > 0)
                {
                    var count = (int)Math.Min(_options.MaxKeyPerRequest, room);
                    pending += count;
                    inFlight[RelayBatchAsync(master, slave, destination, count)] = count;
                    continue;
                }

                if (inFlight.Count == 0)
                {
                    await Task.Delay(Idle, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                var done = await Task.WhenAny(inFlight.Keys).ConfigureAwait(false);
                pending -= inFlight[done];
                inFlight.Remove(done);
                if (await done.ConfigureAwait(false))
                {
                    failing = false;
                    continue;
                }

                if (!failing)
                {
                    _log($"relay pool {master}>{slave}: a batch to {destination} failed, retrying");
                }

                failing = true;
                await Task.Delay(Backoff, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            // Batches already sent finish (each within the relay timeout) before the store may close.
            await Task.WhenAll(inFlight.Keys).ConfigureAwait(false);
        }
    }

    private async Task<bool> RelayBatchAsync(string master, string slave, string destination, int count)
    {
        try
        {
            var keys = await _relay.RelayAsync(master, [slave], destination, count, _options.DefaultKeySize, handOut: false).ConfigureAwait(false);
            await _store.AddRelayPoolAsync(master, slave, _options.DefaultKeySize, keys).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // No path now (link pools empty, a KME down): the fill loop backs off and tries again.
            return false;
        }
    }
}
