using System.Runtime.CompilerServices;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

// Reading a region again from the start (or after a sequence), for rebuilding state: an ephemeral consumer of the
// region's subject without acknowledgements, which leaves the durable region consumers alone and is deleted at the
// end (or by the server after a minute of inactivity, when the reader died).
public sealed partial class JetStreamEventLog
{
    /// <summary>
    /// The events of <paramref name="region"/> after stream sequence <paramref name="afterSequence"/> (0: from the
    /// first), in stream order, up to the region's last event stored when the read began.
    /// </summary>
    /// <exception cref="EventLogUnavailableException">The read did not reach that event within 60 s.</exception>
    public async IAsyncEnumerable<LoggedEvent> ReadRegionAsync(string region, ulong afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // one filter subject (filter_subject): nats-server 2.9 knows no filter_subjects list
        var config = new ConsumerConfig
        {
            Name = "replay-" + Guid.NewGuid().ToString("N"),
            FilterSubject = TopologyRegions.Subject(region),
            AckPolicy = ConsumerConfigAckPolicy.None,
            DeliverPolicy = afterSequence == 0 ? ConsumerConfigDeliverPolicy.All : ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = afterSequence == 0 ? 0 : afterSequence + 1,
            NumReplicas = 1,
            MemStorage = true,
            InactiveThreshold = TimeSpan.FromMinutes(1),
        };
        // the region's last sequence as the stream leader has it: the consumer may sit on a replica still catching
        // up after a restart, whose own view of "nothing pending" would end the read early
        var target = await LastSequenceAsync(config.FilterSubject, cancellationToken).ConfigureAwait(false);
        if (target <= afterSequence)
        {
            yield break;
        }

        var consumer = await JetStream.CreateOrUpdateConsumerAsync(ClusterNames.EventStream, config, cancellationToken).ConfigureAwait(false);
        try
        {
            var fetch = new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(1) };
            var unpacked = new List<LoggedEvent>();
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            while (true)
            {
                var last = false;
                await foreach (var message in consumer.FetchAsync<byte[]>(fetch, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    var metadata = message.Metadata;
                    unpacked.Clear();
                    EventBundles.Unpack(metadata?.Sequence.Stream ?? 0, region, message.Data, message.Headers, unpacked);
                    foreach (var e in unpacked)
                    {
                        yield return e;
                    }

                    last = (metadata?.Sequence.Stream ?? 0) >= target;
                    if (last)
                    {
                        break;
                    }
                }

                if (last)
                {
                    yield break;
                }

                if (DateTime.UtcNow > deadline)
                {
                    throw new EventLogUnavailableException($"reading region {region} again did not reach its last event (sequence {target}) within 60 s");
                }
            }
        }
        finally
        {
            await JetStream.DeleteConsumerAsync(ClusterNames.EventStream, config.Name, CancellationToken.None).ConfigureAwait(false);
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
