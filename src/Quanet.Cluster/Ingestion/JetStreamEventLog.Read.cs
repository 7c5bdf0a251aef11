using System.Diagnostics;
using System.Runtime.CompilerServices;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

// Reading a region again from the start (or after a sequence), for rebuilding state: an ephemeral consumer of the
// region's subject without acknowledgements, which leaves the durable region consumers alone and is deleted at the
// end (or by the server after a minute of inactivity, when the reader died).
public sealed partial class JetStreamEventLog
{
    // a read consumer that delivers nothing for this long while the region has more is created again from where it
    // stopped: a consumer reads the stream replica of the server that leads it, and a replica that restarted after
    // kill -9 may take longer than the whole read to catch up (seen in CI: 60 s without progress)
    private static readonly TimeSpan ReadStall = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan ReadBudget = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The events of <paramref name="region"/> after stream sequence <paramref name="afterSequence"/> (0: from the
    /// first), in stream order, up to the region's last event stored when the read began.
    /// </summary>
    /// <exception cref="EventLogUnavailableException">The read did not reach that event within 60 s.</exception>
    public async IAsyncEnumerable<LoggedEvent> ReadRegionAsync(string region, ulong afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var subject = TopologyRegions.Subject(region);
        // the region's last sequence as the stream leader has it: the consumer may sit on a replica still catching
        // up after a restart, whose own view of "nothing pending" would end the read early
        var target = await LastSequenceAsync(subject, cancellationToken).ConfigureAwait(false);
        var delivered = afterSequence;
        var budget = Stopwatch.StartNew();
        var placements = new List<string>();
        var fetched = new List<(ulong Sequence, LoggedEvent Event)>();
        while (delivered < target)
        {
            var consumer = await CreateReadConsumerAsync(subject, delivered, region, target, budget, placements, cancellationToken).ConfigureAwait(false);
            try
            {
                var progress = Stopwatch.StartNew();
                while (delivered < target && progress.Elapsed < ReadStall && budget.Elapsed < ReadBudget)
                {
                    fetched.Clear();
                    if (!await FetchAsync(consumer, region, delivered, target, fetched, cancellationToken).ConfigureAwait(false))
                    {
                        break; // its server failed the fetch: created again from here
                    }

                    foreach (var (sequence, e) in fetched)
                    {
                        yield return e;
                        delivered = sequence;
                    }

                    if (fetched.Count > 0)
                    {
                        progress.Restart();
                    }
                }
            }
            finally
            {
                await DeleteReadConsumerAsync(consumer.Info.Name).ConfigureAwait(false);
            }

            if (delivered < target && budget.Elapsed >= ReadBudget)
            {
                throw new EventLogUnavailableException(
                    $"reading region {region} again did not reach its last event (sequence {target}) within {ReadBudget.TotalSeconds:0} s: "
                    + $"stopped after sequence {delivered}, read consumers placed on {string.Join(", ", placements)}");
            }
        }
    }

    // one fetch of up to 1,000 messages (or what arrives within a second), unpacked, up to the target; false when the
    // consumer's server failed it
    private static async Task<bool> FetchAsync(INatsJSConsumer consumer, string region, ulong delivered, ulong target, List<(ulong, LoggedEvent)> fetched, CancellationToken cancellationToken)
    {
        var fetch = new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(1) };
        var unpacked = new List<LoggedEvent>();
        try
        {
            await foreach (var message in consumer.FetchAsync<byte[]>(fetch, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                var sequence = message.Metadata?.Sequence.Stream ?? 0;
                if (sequence <= delivered)
                {
                    continue; // not expected from a consumer started after it; never delivered twice
                }

                unpacked.Clear();
                EventBundles.Unpack(sequence, region, message.Data, message.Headers, unpacked);
                foreach (var e in unpacked)
                {
                    fetched.Add((sequence, e));
                }

                delivered = sequence;
                if (delivered >= target)
                {
                    break;
                }
            }

            return true;
        }
        catch (NatsException) when (!cancellationToken.IsCancellationRequested)
        {
            return fetched.Count > 0;
        }
    }

    // a consumer placed on a server that is down (JetStream notices only after a while) is never created: its
    // creation times out or is refused, and is tried again under a new name (placed anew) until the read's budget is
    // spent; a consumer left behind on that server is deleted by it after a minute of inactivity once it is back
    private async Task<INatsJSConsumer> CreateReadConsumerAsync(string subject, ulong after, string region, ulong target, Stopwatch budget, List<string> placements, CancellationToken cancellationToken)
    {
        while (true)
        {
            var config = ReadConfig(subject, after);
            try
            {
                var consumer = await JetStream.CreateOrUpdateConsumerAsync(ClusterNames.EventStream, config, cancellationToken).ConfigureAwait(false);
                placements.Add(consumer.Info.Cluster?.Leader ?? "?");
                return consumer;
            }
            catch (NatsException ex) when (!cancellationToken.IsCancellationRequested)
            {
                placements.Add($"none ({ex.Message})");
                if (budget.Elapsed >= ReadBudget)
                {
                    throw new EventLogUnavailableException($"reading region {region} again (to sequence {target}) could not create a read consumer within {ReadBudget.TotalSeconds:0} s: {string.Join(", ", placements)}", ex);
                }

                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // one filter subject (filter_subject): nats-server 2.9 knows no filter_subjects list
    private static ConsumerConfig ReadConfig(string subject, ulong after) => new()
    {
        Name = "replay-" + Guid.NewGuid().ToString("N"),
        FilterSubject = subject,
        AckPolicy = ConsumerConfigAckPolicy.None,
        DeliverPolicy = after == 0 ? ConsumerConfigDeliverPolicy.All : ConsumerConfigDeliverPolicy.ByStartSequence,
        OptStartSeq = after == 0 ? 0 : after + 1,
        NumReplicas = 0, // the stream's: a read rides out one server down (a one-replica consumer placed on it is never created)
        MemStorage = true,
        InactiveThreshold = TimeSpan.FromMinutes(1),
    };

    private async Task DeleteReadConsumerAsync(string name)
    {
        try
        {
            await JetStream.DeleteConsumerAsync(ClusterNames.EventStream, name, CancellationToken.None).ConfigureAwait(false);
        }
        catch (NatsException)
        {
            // its server is gone or busy: the server deletes it after a minute of inactivity (InactiveThreshold)
        }
    }

    private async Task<ulong> LastSequenceAsync(string subject, CancellationToken cancellationToken)
    {
        try
        {
            var stream = await JetStream.GetStreamAsync(ClusterNames.EventStream, cancellationToken: cancellationToken).ConfigureAwait(false);
            var last = await stream.GetAsync(new StreamMsgGetRequest { LastBySubj = subject }, cancellationToken).ConfigureAwait(false);
            return last.Message.Seq;
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return 0; // no event in the region
        }
    }
}
