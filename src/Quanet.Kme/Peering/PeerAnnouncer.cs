using System.Threading.Channels;

namespace Quanet.Kme.Peering;

/// <summary>
/// Group hand-over of new keys to the peer KME: key requests that arrive while earlier hand-overs are in flight
/// queue up and leave together in one <see cref="IPeerKme.PushKeysAsync"/> call, the way a database groups
/// commits. Under light load a request goes out alone at once; under heavy load one HTTPS round trip and one
/// commit at the peer serve many requests. Each request's task completes only when the call that carried its
/// keys has returned, i.e. after the peer stored them durably; if that call fails every request in it fails,
/// and no key of a failed call is ever handed to its master.
/// </summary>
internal sealed class PeerAnnouncer : IAsyncDisposable
{
    /// <summary>Keys per call, at most (a request's keys are never split, so a call may exceed this by one request).</summary>
    public const int MaxKeysPerCall = 1024;

    /// <summary>Calls in flight at once: enough to keep the link busy, few enough that requests pile up into batches.</summary>
    public const int MaxCallsInFlight = 4;

    private readonly IPeerKme _peer;
    private readonly string _link;
    private readonly TimeSpan _timeout;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });
    private readonly Task[] _senders;
    private readonly int _maxRequestsPerCall;
    private long _calls;

    /// <param name="peer">The KME-to-KME channel.</param>
    /// <param name="link">The pool the keys were cut from.</param>
    /// <param name="timeout">How long one call may take before its requests fail.</param>
    /// <param name="grouped">
    /// False turns grouping off: one call per request, up to 32 at once (the behaviour before grouping, kept as
    /// the benchmark's baseline).
    /// </param>
    public PeerAnnouncer(IPeerKme peer, string link, TimeSpan timeout, bool grouped = true)
    {
        _peer = peer;
        _link = link;
        _timeout = timeout;
        _maxRequestsPerCall = grouped ? int.MaxValue : 1;
        _senders = new Task[grouped ? MaxCallsInFlight : 32];
        for (var i = 0; i < _senders.Length; i++)
        {
            _senders[i] = Task.Run(SendLoopAsync);
        }
    }

    /// <summary>Peer calls made so far (for tests and diagnostics).</summary>
    public long Calls => Interlocked.Read(ref _calls);

    /// <summary>Queues <paramref name="keys"/> for the next call; completes when the peer has stored them.</summary>
    /// <exception cref="HttpRequestException">The call failed (also <see cref="IOException"/>, <see cref="OperationCanceledException"/> on timeout, or a refusal by the peer).</exception>
    public Task AnnounceAsync(IReadOnlyList<PeerKey> keys)
    {
        var pending = new Pending(keys);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(PeerAnnouncer));
        }

        return pending.Completion.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_senders).ConfigureAwait(false);
    }

    private async Task SendLoopAsync()
    {
        var reader = _queue.Reader;
        var batch = new List<Pending>();
        while (await reader.WaitToReadAsync().ConfigureAwait(false))
        {
            batch.Clear();
            var message = new PeerKeyBatch { Link = _link };
            while (message.Keys.Count < MaxKeysPerCall && batch.Count < _maxRequestsPerCall && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                message.Keys.AddRange(pending.Keys);
            }

            if (batch.Count == 0)
            {
                continue; // another sender took them
            }

            Interlocked.Increment(ref _calls);
            try
            {
                using var timeout = new CancellationTokenSource(_timeout);
                await _peer.PushKeysAsync(message, timeout.Token).ConfigureAwait(false);
                foreach (var done in batch)
                {
                    done.Completion.TrySetResult();
                }
            }
            catch (Exception ex)
            {
                foreach (var failed in batch)
                {
                    failed.Completion.TrySetException(ex);
                }
            }
        }
    }

    private sealed class Pending(IReadOnlyList<PeerKey> keys)
    {
        public IReadOnlyList<PeerKey> Keys { get; } = keys;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
