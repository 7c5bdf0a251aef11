using System.Security.Cryptography;
using System.Text;
using NATS.Client.Core;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// Packs consecutive events of a region into one message (events' JSON separated by '\n', the count in the header
/// <see cref="CountHeader"/>) and unpacks them; a message without the header is one event.
/// </summary>
internal static class EventBundles
{
    /// <summary>The header carrying the number of events of a bundled message.</summary>
    public const string CountHeader = "Quanet-Events";

    public static List<EventBundle> Pack(IReadOnlyList<EventToLog> events, int bundleSize)
    {
        var messages = new List<EventBundle>(bundleSize == 1 ? events.Count : (events.Count / bundleSize) + 8);
        if (bundleSize == 1)
        {
            foreach (var e in events)
            {
                messages.Add(new EventBundle(e, 1));
            }

            return messages;
        }

        // each region's events in their order; regions in the order of their first event
        var byRegion = new Dictionary<string, List<EventToLog>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var e in events)
        {
            if (!byRegion.TryGetValue(e.Region, out var list))
            {
                byRegion[e.Region] = list = [];
                order.Add(e.Region);
            }

            list.Add(e);
        }

        foreach (var region in order)
        {
            var list = byRegion[region];
            for (var start = 0; start < list.Count; start += bundleSize)
            {
                messages.Add(Bundle(region, list, start, Math.Min(bundleSize, list.Count - start)));
            }
        }

        return messages;
    }

    public static void Unpack(ulong sequence, string region, byte[]? data, NatsHeaders? headers, List<LoggedEvent> into)
    {
        data ??= [];
        if (headers is null || !headers.TryGetValue(CountHeader, out _))
        {
            into.Add(new LoggedEvent(sequence, region, data));
            return;
        }

        var start = 0;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i == data.Length || data[i] == (byte)'\n')
            {
                if (i > start)
                {
                    into.Add(new LoggedEvent(sequence, region, data.AsMemory(start, i - start)));
                }

                start = i + 1;
            }
        }
    }

    private static EventBundle Bundle(string region, List<EventToLog> list, int start, int count)
    {
        if (count == 1)
        {
            return new EventBundle(list[start], 1);
        }

        var length = count - 1;
        var ids = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            length += list[i].Json.Length;
            ids.Append(list[i].MessageId).Append('\n');
        }

        var json = new byte[length];
        var at = 0;
        for (var i = start; i < start + count; i++)
        {
            if (i > start)
            {
                json[at++] = (byte)'\n';
            }

            list[i].Json.Span.CopyTo(json.AsSpan(at));
            at += list[i].Json.Length;
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ids.ToString()));
        var id = "b" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return new EventBundle(new EventToLog(region, id, json), count);
    }
}
