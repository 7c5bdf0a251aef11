using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

// Publishing: every event in flight at once (up to MaxInFlight for the whole log), each retried with its message ID
// until acknowledged or out of time; the duplicate window makes a retry of a write that did land a no-op.
public sealed partial class JetStreamEventLog
{
    // one attempt's wait for an acknowledgement: a request sent to a server that then died is never answered, and
    // the retry over the reconnected connection must fit within AckTimeout
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Appends <paramref name="events"/> to the log and returns when JetStream acknowledged the replicated write of
    /// every one of them (or recognised it as stored before, within the duplicate window).
    /// </summary>
    /// <exception cref="EventLogUnavailableException">
    /// An event was not acknowledged within <see cref="EventLogOptions.AckTimeout"/> (no quorum of servers reachable);
    /// some others may be stored: the caller answers "not accepted" and the sender's retry is deduplicated.
    /// </exception>
    public async Task<PublishReceipt> PublishAsync(IReadOnlyList<EventToLog> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var pending = new Task<PubAckResponse>[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
            pending[i] = PublishOneAsync(events[i], cancellationToken);
        }

        int stored = 0, duplicates = 0;
        ulong last = 0;
        foreach (var task in pending)
        {
            var ack = await task.ConfigureAwait(false);
            if (ack.Duplicate)
            {
                duplicates++;
            }
            else
            {
                stored++;
            }

            last = Math.Max(last, ack.Seq);
        }

        return new PublishReceipt(stored, duplicates, last);
    }

    private async Task<PubAckResponse> PublishOneAsync(EventToLog e, CancellationToken cancellationToken)
    {
        try
        {
            var subject = TopologyRegions.Subject(e.Region);
            var opts = new NatsJSPubOpts { MsgId = e.MessageId };
            var deadline = DateTime.UtcNow + Options.AckTimeout;
            while (true)
            {
                Exception failure;
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                attempt.CancelAfter(Min(AttemptTimeout, Options.AckTimeout));
                try
                {
                    var ack = await JetStream.PublishAsync(subject, e.Json, opts: opts, cancellationToken: attempt.Token).ConfigureAwait(false);
                    if (ack.Error is null)
                    {
                        return ack;
                    }

                    failure = new NatsJSApiException(ack.Error);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is NatsException or TimeoutException or OperationCanceledException)
                {
                    failure = ex;
                }

                if (DateTime.UtcNow >= deadline)
                {
                    throw new EventLogUnavailableException($"the ingestion log did not acknowledge an event within {Options.AckTimeout.TotalSeconds:0.#} s: {failure.Message}", failure);
                }

                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            _inFlight.Release();
        }
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
