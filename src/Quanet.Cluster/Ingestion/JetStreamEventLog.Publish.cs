using NATS.Client.Core;

namespace Quanet.Cluster.Ingestion;

// Publishing: events go out in order on the one connection, each with a reply subject under this log's inbox, and the
// JetStream acknowledgements come back asynchronously (AckReader), so up to MaxInFlight writes are pending at once.
// An event not acknowledged within an attempt (AttemptTimeout) is sent again with the same message ID, until the
// budget (AckTimeout) runs out: the duplicate window makes the retry of a write that did land a no-op. While a stream
// elects a new leader (seconds after a kill -9 of the old one) no write is answered at all, so short attempts put a
// publish through soon after the election instead of waiting out one long timeout.
public sealed partial class JetStreamEventLog
{
    /// <summary>
    /// Appends <paramref name="events"/> to the log and returns when JetStream acknowledged the replicated write of
    /// every one of them (or recognised it as stored before, within the duplicate window).
    /// </summary>
    /// <remarks>
    /// Events are stored in the order given, except that an event sent again after a server failure lands after the
    /// ones that were acknowledged at the first attempt.
    /// </remarks>
    /// <exception cref="EventLogUnavailableException">
    /// An event was not acknowledged within <see cref="EventLogOptions.AckTimeout"/> (no quorum of servers reachable,
    /// or no leader elected in time); some others may be stored: the caller answers "not accepted" and the sender's
    /// retry is deduplicated.
    /// </exception>
    public async Task<PublishReceipt> PublishAsync(IReadOnlyList<EventToLog> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var total = events.Count;
        var messages = EventBundles.Pack(events, Options.BundleSize, Options.CompressBundles);
        // one completion per message, set by the first of its attempts that is acknowledged
        var done = new TaskCompletionSource<PublishAck>[messages.Count];
        for (var i = 0; i < done.Length; i++)
        {
            done[i] = new TaskCompletionSource<PublishAck>(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var deadline = DateTime.UtcNow + Options.AckTimeout;
        string? failure = null;
        List<long> previous = [], current = [];
        try
        {
            while (Remaining(done) is { Count: > 0 } remaining)
            {
                if (DateTime.UtcNow >= deadline)
                {
                    throw new EventLogUnavailableException($"the ingestion log did not acknowledge {Events(messages, remaining)} of {total} events within {Options.AckTimeout.TotalSeconds:0.#} s: {failure ?? "no answer"}");
                }

                // the attempt before this one may still be answered (a slow server, not a dead one); older ones are let go
                AbandonAll(previous);
                (previous, current) = (current, []);
                failure = await AttemptAsync(messages, remaining, done, current, Min(Options.AttemptTimeout, deadline - DateTime.UtcNow), cancellationToken).ConfigureAwait(false) ?? failure;
            }
        }
        finally
        {
            AbandonAll(previous);
            AbandonAll(current);
        }

        return Receipt([.. done.Select(d => d.Task.Result)], messages);
    }

    /// <summary>Sends the <paramref name="remaining"/> messages once and waits for their acknowledgements; returns why the attempt failed, or null.</summary>
    private async Task<string?> AttemptAsync(List<EventBundle> messages, List<int> remaining, TaskCompletionSource<PublishAck>[] done, List<long> sentIds,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(timeout);
        var refused = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        string? failure = null;
        try
        {
            foreach (var i in remaining)
            {
                var (id, ack) = await SendAsync(messages[i], attempt.Token).ConfigureAwait(false);
                sentIds.Add(id);
                Forward(ack, done[i], refused);
            }

            var all = Task.WhenAll(remaining.Select(i => done[i].Task));
            if (await Task.WhenAny(all, refused.Task).WaitAsync(attempt.Token).ConfigureAwait(false) != all)
            {
                // an answer other than an acknowledgement (no responders, a JetStream error): try again shortly
                failure = refused.Task.Result;
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or NatsException or EventLogUnavailableException)
        {
            failure = ex is OperationCanceledException ? $"no acknowledgement within {timeout.TotalSeconds:0.#} s" : ex.Message;
        }

        cancellationToken.ThrowIfCancellationRequested();
        return failure;
    }

    // an attempt's acknowledgement completes its message; a refusal wakes the attempt up; an abandoned one does nothing
    private static void Forward(Task<PublishAck> ack, TaskCompletionSource<PublishAck> done, TaskCompletionSource<string> refused) =>
        ack.ContinueWith(t =>
        {
            if (t.IsCompletedSuccessfully)
            {
                done.TrySetResult(t.Result);
            }
            else if (t.IsFaulted)
            {
                refused.TrySetResult(t.Exception.InnerException?.Message ?? "the write was refused");
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private static List<int> Remaining(TaskCompletionSource<PublishAck>[] done)
    {
        var remaining = new List<int>();
        for (var i = 0; i < done.Length; i++)
        {
            if (!done[i].Task.IsCompletedSuccessfully)
            {
                remaining.Add(i);
            }
        }

        return remaining;
    }

    private void AbandonAll(List<long> ids)
    {
        foreach (var id in ids)
        {
            Abandon(id);
        }

        ids.Clear();
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
