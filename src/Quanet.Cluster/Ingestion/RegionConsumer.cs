using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// Feeds one topology region's events to a processor, in stream order, through a durable pull consumer
/// (<c>region-REGION</c>) on the stream <see cref="ClusterNames.EventStream"/>. A batch is acknowledged only after
/// the processor's apply delegate returned, so a processor that dies before that gets the batch again.
/// </summary>
/// <remarks>
/// <para>
/// Acknowledgement is explicit and cumulative (JetStream's <c>AckAll</c>): acknowledging the last event of a batch
/// acknowledges every earlier one of the region. That is safe because one fetcher applies the region in order, and
/// because <see cref="RunAsync"/> first moves the consumer back to its acknowledged floor: events a dead processor
/// had fetched but not acknowledged are delivered again at once (not after the acknowledgement wait), followed by
/// the rest, and nothing at or below the floor is delivered again.
/// </para>
/// <para>
/// Delivery is at least once: after a failover, or when an apply outlasts <see cref="AckWait"/>, an event can come
/// again. <see cref="LoggedEvent.Position"/> is the key to make applies idempotent: a processor that stores the
/// highest sequence it applied with its state skips every event at or below it. Run one consumer per region at a time.
/// </para>
/// </remarks>
public sealed class RegionConsumer
{
    private readonly JetStreamEventLog _log;

    /// <summary>A consumer of <paramref name="log"/>'s regions.</summary>
    public RegionConsumer(JetStreamEventLog log)
    {
        ArgumentNullException.ThrowIfNull(log);
        _log = log;
    }

    /// <summary>Most events handed to one apply call.</summary>
    /// <value>500.</value>
    public int BatchSize { get; init; } = 500;

    /// <summary>How long the server waits for an acknowledgement before it delivers a batch again.</summary>
    /// <value>10 seconds.</value>
    public TimeSpan AckWait { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one fetch waits for new events before it asks again (and sees cancellation).</summary>
    /// <value>1 second.</value>
    public TimeSpan FetchWait { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The durable consumer name of <paramref name="region"/>.</summary>
    public static string DurableName(string region) => "region-" + TopologyRegions.CheckName(region);

    /// <summary>
    /// Applies <paramref name="region"/>'s events batch by batch until <paramref name="cancellationToken"/> is
    /// cancelled, resuming after the last batch any earlier run acknowledged.
    /// </summary>
    /// <param name="region">The region (a <see cref="TopologyRegions"/> name).</param>
    /// <param name="apply">Applies a batch (one or more events, stream order); the batch is acknowledged when it returns.</param>
    /// <param name="cancellationToken">Stops the run; a batch being applied is not acknowledged.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled (the normal end).</exception>
    /// <exception cref="EventLogUnavailableException">The log could not be reached.</exception>
    /// <remarks>An exception from <paramref name="apply"/> ends the run unacknowledged; the next run gets the batch again.</remarks>
    public async Task RunAsync(string region, Func<IReadOnlyList<LoggedEvent>, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        var consumer = await ResumeAsync(region, cancellationToken).ConfigureAwait(false);
        var fetch = new NatsJSFetchOpts { MaxMsgs = BatchSize, Expires = FetchWait };
        var messages = new List<INatsJSMsg<byte[]>>(BatchSize);
        var batch = new List<LoggedEvent>(BatchSize);
        // the consumer's delivery sequence of the last message handed on: a fresh consumer delivers 1, 2, 3, ...
        ulong delivered = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            messages.Clear();
            batch.Clear();
            var gap = false;
            try
            {
                await foreach (var message in consumer.FetchAsync<byte[]>(fetch, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    // a delivery lost on the way (a fetch answered by a server that died) leaves a gap; applying what
                    // follows and acknowledging it cumulatively would skip the lost events for good
                    if (message.Metadata?.Sequence.Consumer is not { } sequence || sequence != delivered + 1)
                    {
                        gap = true;
                        break;
                    }

                    delivered = sequence;
                    messages.Add(message);
                    EventBundles.Unpack(message.Metadata?.Sequence.Stream ?? 0, region, message.Data, message.Headers, batch);
                }
            }
            catch (NATS.Client.Core.NatsException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // a node died under the fetch: the client reconnects; fetch again
                await Task.Delay(FetchWait / 4, cancellationToken).ConfigureAwait(false);
                if (ex is NatsJSApiException { Error.Code: 404 })
                {
                    consumer = await ResumeAsync(region, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            if (gap)
            {
                // start again from the acknowledged floor: nothing of this fetch is applied or acknowledged
                consumer = await ResumeAsync(region, cancellationToken).ConfigureAwait(false);
                delivered = 0;
                continue;
            }

            if (batch.Count == 0)
            {
                continue;
            }

            await apply(batch.ToArray(), cancellationToken).ConfigureAwait(false);
            await messages[^1].AckAsync(new AckOpts { DoubleAck = true }, cancellationToken).ConfigureAwait(false);
        }
    }

    // Moves the durable consumer back to its acknowledged floor: delete it and create it again from floor + 1.
    private async Task<INatsJSConsumer> ResumeAsync(string region, CancellationToken cancellationToken)
    {
        var js = _log.JetStream;
        var name = DurableName(region);
        ulong floor = 0;
        try
        {
            var existing = await js.GetConsumerAsync(ClusterNames.EventStream, name, cancellationToken).ConfigureAwait(false);
            floor = existing.Info.AckFloor?.StreamSeq ?? 0;
            await js.DeleteConsumerAsync(ClusterNames.EventStream, name, cancellationToken).ConfigureAwait(false);
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            // first run of this region
        }

        var config = new ConsumerConfig(name)
        {
            FilterSubject = TopologyRegions.Subject(region),
            AckPolicy = ConsumerConfigAckPolicy.All,
            AckWait = AckWait,
            MaxAckPending = Math.Max(BatchSize * 4, 1000),
            DeliverPolicy = floor == 0 ? ConsumerConfigDeliverPolicy.All : ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = floor == 0 ? 0 : floor + 1,
            NumReplicas = _log.Options.Replicas,
        };
        return await js.CreateOrUpdateConsumerAsync(ClusterNames.EventStream, config, cancellationToken).ConfigureAwait(false);
    }
}
