using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// because <see cref="RunAsync(string, ulong?, Func{IReadOnlyList{LoggedEvent}, CancellationToken, Task}, CancellationToken)"/> first moves the consumer back to its acknowledged floor: events a dead processor
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

    /// <summary>How long one fetch waits for new events before it asks again (and sees cancellation); a fetch right after the consumer's creation or a batch does not wait.</summary>
    /// <value>1.5 seconds: three of the consumer leader's <see cref="Heartbeat"/>s, so that a silent leader is told from an idle region.</value>
    public TimeSpan FetchWait { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How often the consumer's leader tells a waiting fetch it is alive. A fetch that ends empty after two missed
    /// heartbeats, before <see cref="FetchWait"/>, had a dead leader (its server was killed): the consumer is then
    /// created again at once, which elects a leader among the live servers within a second, instead of waiting for the
    /// old group's Raft election (4 to 9 s in nats-server 2.9).
    /// </summary>
    /// <value>0.5 seconds (the NATS client's minimum).</value>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(0.5);

    /// <summary>
    /// How long a failover waits for the consumer's creation (answered by its new leader) before it deletes and
    /// creates it again, and for an acknowledgement's confirmation. The delete before a creation waits a third of it:
    /// only the old leader answers a delete, and a dead one never does (the meta leader has removed it all the same).
    /// </summary>
    /// <value>1.5 seconds.</value>
    public TimeSpan ApiWait { get; init; } = TimeSpan.FromSeconds(1.5);

    /// <summary>Where failovers of the consumer are logged.</summary>
    public ILogger Logger { get; init; } = NullLogger.Instance;

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
    public Task RunAsync(string region, Func<IReadOnlyList<LoggedEvent>, CancellationToken, Task> apply, CancellationToken cancellationToken) =>
        RunAsync(region, null, apply, cancellationToken);

    /// <summary>
    /// Applies <paramref name="region"/>'s events batch by batch until <paramref name="cancellationToken"/> is
    /// cancelled, starting after <paramref name="applied"/>.
    /// </summary>
    /// <param name="region">The region (a <see cref="TopologyRegions"/> name).</param>
    /// <param name="applied">
    /// The processor's durable position (every event at or below it is applied), or null to start after the
    /// consumer's acknowledged floor. Given, no server is asked for the floor: that answer waits for the consumer's
    /// leader, which may have died with its server.
    /// </param>
    /// <param name="apply">Applies a batch (one or more events, stream order); the batch is acknowledged when it returns.</param>
    /// <param name="cancellationToken">Stops the run; a batch being applied is not acknowledged.</param>
    /// <exception cref="OperationCanceledException">The run was cancelled (the normal end).</exception>
    /// <remarks>An exception from <paramref name="apply"/> ends the run unacknowledged; the next run gets the batch again.</remarks>
    public async Task RunAsync(string region, ulong? applied, Func<IReadOnlyList<LoggedEvent>, CancellationToken, Task> apply, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(apply);
        // the highest stream sequence applied: every re-creation of the consumer starts after it
        var floor = applied ?? await AckFloorAsync(region, cancellationToken).ConfigureAwait(false);
        var consumer = await CreateAsync(region, floor, cancellationToken).ConfigureAwait(false);
        var fetch = new NatsJSFetchOpts { MaxMsgs = BatchSize, Expires = FetchWait, IdleHeartbeat = Heartbeat };
        var messages = new List<INatsJSMsg<byte[]>>(BatchSize);
        var batch = new List<LoggedEvent>(BatchSize);
        // the consumer's delivery sequence of the last message handed on: a fresh consumer delivers 1, 2, 3, ...
        ulong delivered = 0;
        // after a creation and after each batch, take what is there at once (a backlog, or what came in while the batch
        // was applied); a fetch that waits for events (up to FetchWait) only once nothing was there
        var quick = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            messages.Clear();
            batch.Clear();
            string? lost = null;
            var started = Stopwatch.GetTimestamp();
            try
            {
                var fetched = quick
                    ? consumer.FetchNoWaitAsync<byte[]>(fetch, cancellationToken: cancellationToken)
                    : consumer.FetchAsync<byte[]>(fetch, cancellationToken: cancellationToken);
                await foreach (var message in fetched.ConfigureAwait(false))
                {
                    // a delivery lost on the way (a fetch answered by a server that died) leaves a gap; applying what
                    // follows and acknowledging it cumulatively would skip the lost events for good
                    if (message.Metadata?.Sequence.Consumer is not { } sequence || sequence != delivered + 1)
                    {
                        lost = "a delivery was lost";
                        break;
                    }

                    delivered = sequence;
                    messages.Add(message);
                    EventBundles.Unpack(message.Metadata?.Sequence.Stream ?? 0, region, message.Data, message.Headers, batch);
                }
            }
            catch (NATS.Client.Core.NatsException ex) when (!cancellationToken.IsCancellationRequested)
            {
                // a node died under the fetch, or the consumer is gone
                lost = ex.Message;
            }

            if (lost is null && messages.Count == 0 && MissedHeartbeats(Stopwatch.GetElapsedTime(started), quick))
            {
                lost = "the consumer's leader missed its heartbeats";
            }

            if (lost is not null)
            {
                // start again after what was applied: nothing of this fetch is applied or acknowledged
                Logger.LogWarning("region {Region}: {Reason}; creating its consumer again after sequence {Floor}", region, lost, floor);
                consumer = await CreateAsync(region, floor, cancellationToken).ConfigureAwait(false);
                delivered = 0;
                quick = true;
                continue;
            }

            quick = batch.Count > 0;
            if (batch.Count == 0)
            {
                continue;
            }

            await apply(batch.ToArray(), cancellationToken).ConfigureAwait(false);
            floor = Math.Max(floor, messages[^1].Metadata?.Sequence.Stream ?? 0);

            // an applied batch is acknowledged even when the run is being stopped (within ApiWait): a stop asked for
            // during the apply must not hand the same batch to the next run
            await AcknowledgeAsync(messages[^1], CancellationToken.None).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Whether an empty fetch that took <paramref name="elapsed"/> was ended by the client after two missed heartbeats
    /// (about 2 x <see cref="Heartbeat"/>), not by the server: a waiting fetch the server ends lasts
    /// <see cref="FetchWait"/>; a fetch that takes only what is there (<paramref name="quick"/>) is answered at once,
    /// or lasts <see cref="FetchWait"/> where the server holds it until something comes.
    /// </summary>
    private bool MissedHeartbeats(TimeSpan elapsed, bool quick) =>
        elapsed < FetchWait - (Heartbeat / 2) && (!quick || elapsed >= Heartbeat * 1.5);

    // cumulative and confirmed; a leader that died before confirming is found by the next fetch (the floor is known here)
    private async Task AcknowledgeAsync(INatsJSMsg<byte[]> last, CancellationToken cancellationToken)
    {
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        wait.CancelAfter(ApiWait);
        try
        {
            await last.AckAsync(new AckOpts { DoubleAck = true }, wait.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or NATS.Client.Core.NatsException)
        {
            Logger.LogWarning("an acknowledgement was not confirmed: {Reason}", ex.Message);
        }
    }

    private async Task<ulong> AckFloorAsync(string region, CancellationToken cancellationToken)
    {
        try
        {
            var existing = await _log.JetStream.GetConsumerAsync(ClusterNames.EventStream, DurableName(region), cancellationToken).ConfigureAwait(false);
            return existing.Info.AckFloor?.StreamSeq ?? 0;
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return 0; // first run of this region
        }
    }

    /// <summary>
    /// Deletes the durable consumer and creates it again to deliver from <paramref name="floor"/> + 1, until a leader
    /// answers. A new consumer's group elects its leader at once; if the peer it picked is the dead one, the create is
    /// not answered within <see cref="ApiWait"/> and is made again (a new group, a new pick). A create that finds the
    /// old consumer not yet removed is refused at once and made again.
    /// </summary>
    private async Task<INatsJSConsumer> CreateAsync(string region, ulong floor, CancellationToken cancellationToken)
    {
        var js = _log.JetStream;
        var name = DurableName(region);
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
        var clock = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            wait.CancelAfter(ApiWait / 3);
            try
            {
                try
                {
                    await js.DeleteConsumerAsync(ClusterNames.EventStream, name, wait.Token).ConfigureAwait(false);
                }
                catch (NatsJSApiException ex) when (ex.Error.Code == 404)
                {
                    // first run of this region, or deleted before
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or NATS.Client.Core.NatsException)
                {
                    // only the consumer's leader answers a delete: a dead one never does, though the meta leader removed it
                }

                using var create = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                create.CancelAfter(ApiWait);
                var consumer = await js.CreateOrUpdateConsumerAsync(ClusterNames.EventStream, config, create.Token).ConfigureAwait(false);
                if (attempt > 1)
                {
                    Logger.LogWarning("region {Region}: consumer created after {Attempts} attempts in {Ms:0} ms", region, attempt, clock.Elapsed.TotalMilliseconds);
                }

                return consumer;
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is OperationCanceledException or NATS.Client.Core.NatsException)
            {
                Logger.LogWarning("region {Region}: creating its consumer failed ({Reason}); asking again", region, ex.Message);
                await Task.Delay(100, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
