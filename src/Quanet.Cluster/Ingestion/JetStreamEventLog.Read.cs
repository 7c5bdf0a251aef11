using System.Runtime.CompilerServices;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace Quanet.Cluster.Ingestion;

// Reading a region again from the start (or after a sequence), for rebuilding state: an ordered consumer, which is
// ephemeral and leaves the durable region consumers alone.
public sealed partial class JetStreamEventLog
{
    /// <summary>
    /// The events of <paramref name="region"/> after stream sequence <paramref name="afterSequence"/> (0: from the
    /// first), in stream order, up to the last one stored when the read reached it.
    /// </summary>
    public async IAsyncEnumerable<LoggedEvent> ReadRegionAsync(string region, ulong afterSequence, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var opts = new NatsJSOrderedConsumerOpts
        {
            FilterSubjects = [TopologyRegions.Subject(region)],
            DeliverPolicy = afterSequence == 0 ? ConsumerConfigDeliverPolicy.All : ConsumerConfigDeliverPolicy.ByStartSequence,
            OptStartSeq = afterSequence + 1,
        };
        var consumer = await JetStream.CreateOrderedConsumerAsync(ClusterNames.EventStream, opts, cancellationToken).ConfigureAwait(false);
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
}
