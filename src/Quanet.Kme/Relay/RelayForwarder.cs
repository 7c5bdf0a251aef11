using System.Threading.Channels;

namespace Quanet.Kme.Relay;

/// <summary>
/// Grouped hand-over of relays to one neighbour KME, like <see cref="Peering.PeerAnnouncer"/>: relays that arrive
/// while earlier calls are in flight leave together in one call. Each relay's task completes with its own result
/// from the neighbour's answer; a call that fails or times out fails every relay in it, naming the link.
/// </summary>
internal sealed class RelayForwarder : IAsyncDisposable
{
    private const int MaxRelaysPerCall = 256;
    private const int MaxCallsInFlight = 4;
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);
    private readonly Func<RelayBatch, CancellationToken, Task<RelayReply>> _send;
    private readonly string _link;
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Task[] _senders;

    /// <param name="link">The link to the neighbour (named in each batch and in failures).</param>
    /// <param name="send">The mutual-TLS call to the neighbour.</param>
    public RelayForwarder(string link, Func<RelayBatch, CancellationToken, Task<RelayReply>> send)
    {
        _link = link;
        _send = send;
        _senders = new Task[MaxCallsInFlight];
        for (var i = 0; i < _senders.Length; i++)
        {
            _senders[i] = Task.Run(SendLoopAsync);
        }
    }

    /// <summary>Queues <paramref name="message"/>; completes with the neighbour's result for it.</summary>
    public Task<RelayResult> ForwardAsync(RelayMessage message)
    {
        var pending = new Pending(message);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(RelayForwarder));
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
            var message = new RelayBatch { Link = _link };
            while (batch.Count < MaxRelaysPerCall && reader.TryRead(out var pending))
            {
                batch.Add(pending);
                message.Relays.Add(pending.Message);
            }

            if (batch.Count == 0)
            {
                continue;
            }

            try
            {
                using var timeout = new CancellationTokenSource(CallTimeout);
                var reply = await _send(message, timeout.Token).ConfigureAwait(false);
                for (var i = 0; i < batch.Count; i++)
                {
                    var result = i < reply.Results.Count && reply.Results[i].RelayId == batch[i].Message.RelayId
                        ? reply.Results[i]
                        : RelayResult.Failed(batch[i].Message.RelayId, "neighbour's reply does not match the batch", _link);
                    batch[i].Completion.TrySetResult(result);
                }
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                foreach (var failed in batch)
                {
                    failed.Completion.TrySetResult(RelayResult.Failed(failed.Message.RelayId, ex.Message, _link));
                }
            }
        }
    }

    private sealed class Pending(RelayMessage message)
    {
        public RelayMessage Message { get; } = message;

        public TaskCompletionSource<RelayResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
