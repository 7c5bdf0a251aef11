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
    /// first), in stream order, up to the last one stored when the read reached it.
    /// </summary>
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
        var consumer = await JetStream.CreateOrUpdateConsumerAsync(ClusterNames.EventStream, config, cancellationToken).ConfigureAwait(false);
        try
        {
            var fetch = new NatsJSFetchOpts { MaxMsgs = 1000, Expires = TimeSpan.FromSeconds(2) };
            while (true)
            {
                var any = false;
                var last = false;
                await foreach (var message in consumer.FetchNoWaitAsync<byte[]>(fetch, cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    any = true;
                    var metadata = message.Metadata;
                    yield return new LoggedEvent(metadata?.Sequence.Stream ?? 0, region, message.Data ?? []);
                    last = metadata?.NumPending == 0;
                }

                if (!any || last)
                {
                    yield break;
                }
            }
        }
        finally
        {
            await JetStream.DeleteConsumerAsync(ClusterNames.EventStream, config.Name, CancellationToken.None).ConfigureAwait(false);
        }
    }
}
