using NATS.Client.Core;

namespace Quanet.Cluster.Ingestion;

// Publishing: events go out in order on the one connection, each with a reply subject under this log's inbox, and the
// JetStream acknowledgements come back asynchronously (AckReader), so up to MaxInFlight writes are pending at once.
// An event not acknowledged in time is sent again with the same message ID: the duplicate window makes the retry of
// a write that did land a no-op.
public sealed partial class JetStreamEventLog
{
    // one attempt's wait for the acknowledgements: a request sent to a server that then died is never answered, and
    // the retry over the reconnected connection must fit within AckTimeout
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Appends <paramref name="events"/> to the log and returns when JetStream acknowledged the replicated write of
    /// every one of them (or recognised it as stored before, within the duplicate window).
    /// </summary>
    /// <remarks>
    /// Events are stored in the order given, except that an event sent again after a server failure lands after the
    /// ones that were acknowledged at the first attempt.
    /// </remarks>
    /// <exception cref="EventLogUnavailableException">
    /// An event was not acknowledged within <see cref="EventLogOptions.AckTimeout"/> (no quorum of servers reachable);
    /// some others may be stored: the caller answers "not accepted" and the sender's retry is deduplicated.
    /// </exception>
    public async Task<PublishReceipt> PublishAsync(IReadOnlyList<EventToLog> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = events.Count;
        var messages = EventBundles.Pack(events, Options.BundleSize, Options.CompressBundles);
        var acks = new PublishAck[messages.Count];
        var remaining = Enumerable.Range(0, messages.Count).ToList();
        var deadline = DateTime.UtcNow + Options.AckTimeout;
        string? failure = null;
        while (remaining.Count > 0)
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new EventLogUnavailableException($"the ingestion log did not acknowledge {Events(messages, remaining)} of {total} events within {Options.AckTimeout.TotalSeconds:0.#} s: {failure ?? "no answer"}");
            }

            using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attempt.CancelAfter(Min(AttemptTimeout, deadline - DateTime.UtcNow));
            var waits = new (long Id, Task<PublishAck> Ack)[remaining.Count];
            var sent = 0;
            try
            {
                for (; sent < remaining.Count; sent++)
                {
                    waits[sent] = await SendAsync(messages[remaining[sent]], attempt.Token).ConfigureAwait(false);
                }

                await Task.WhenAll(waits.Select(w => w.Ack)).WaitAsync(attempt.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or NatsException or EventLogUnavailableException)
            {
                failure = ex is OperationCanceledException ? $"no acknowledgement within {AttemptTimeout.TotalSeconds:0.#} s" : ex.Message;
            }

            var next = new List<int>();
            for (var k = 0; k < remaining.Count; k++)
            {
                if (k < sent && waits[k].Ack.IsCompletedSuccessfully)
                {
                    acks[remaining[k]] = waits[k].Ack.Result;
                    continue;
                }

                if (k < sent)
                {
                    Abandon(waits[k].Id);
                    failure ??= waits[k].Ack.Exception?.InnerException?.Message;
                }

                next.Add(remaining[k]);
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (next.Count > 0)
            {
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }

            remaining = next;
        }

        return Receipt(acks, messages);
    }

    private async Task<(long Id, Task<PublishAck> Ack)> SendAsync(EventBundle bundle, CancellationToken cancellationToken)
    {
        var e = bundle.Entry;
        var subject = TopologyRegions.Subject(e.Region);
        await _inFlight.WaitAsync(cancellationToken).ConfigureAwait(false);
        var id = Interlocked.Increment(ref _nextReply);
        var pending = new TaskCompletionSource<PublishAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = pending;
        try
        {
            var headers = new NatsHeaders { ["Nats-Msg-Id"] = e.MessageId };
            if (bundle.Count > 1)
            {
                headers[EventBundles.CountHeader] = bundle.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            if (bundle.Compressed)
            {
                headers[EventBundles.EncodingHeader] = EventBundles.Zlib;
            }

            await _connection.PublishAsync(subject, e.Json, headers, ReplySubject(id), cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Abandon(id);
            throw;
        }

        return (id, pending.Task);
    }

    private void Abandon(long id)
    {
        if (_pending.TryRemove(id, out var pending))
        {
            pending.TrySetCanceled();
            _inFlight.Release();
        }
    }

    private static int Events(List<EventBundle> messages, List<int> indexes) => indexes.Sum(i => messages[i].Count);

    private static PublishReceipt Receipt(PublishAck[] acks, List<EventBundle> messages)
    {
        int stored = 0, duplicates = 0;
        ulong last = 0;
        for (var i = 0; i < acks.Length; i++)
        {
            var ack = acks[i];
            // the receipt counts the request's events; copies for neighbouring regions ride along
            var events = messages[i].Count - messages[i].Copies;
            if (ack.Duplicate)
            {
                duplicates += events;
            }
            else
            {
                stored += events;
            }

            last = Math.Max(last, ack.Sequence);
        }

        return new PublishReceipt(stored, duplicates, last);
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}
