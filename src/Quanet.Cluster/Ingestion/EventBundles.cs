using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using NATS.Client.Core;
using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// Packs consecutive events of a region into one message (events' JSON separated by '\n', the count in the header
/// <see cref="CountHeader"/>) and unpacks them; a message without the header is one event.
/// </summary>
internal static class EventBundles
{
    /// <summary>The header carrying the number of events of a bundled message.</summary>
    public const string CountHeader = "Quanet-Events";

    /// <summary>The header naming a bundle's compression (<see cref="Zlib"/>); absent when it is not compressed.</summary>
    public const string EncodingHeader = "Quanet-Encoding";

    /// <summary>The value of <see cref="EncodingHeader"/> for zlib (RFC 1950).</summary>
    public const string Zlib = "zlib";

    /// <summary>The most bytes a compressed bundle may expand to: a bundle is part of one VES request body.</summary>
    public const int MaxBundleBytes = VesParser.MaxBodyBytes;

    public static List<EventBundle> Pack(IReadOnlyList<EventToLog> events, int bundleSize, bool compress)
    {
        var messages = new List<EventBundle>(bundleSize == 1 ? events.Count : (events.Count / bundleSize) + 8);
        if (bundleSize == 1)
        {
            foreach (var e in events)
            {
                messages.Add(new EventBundle(e, 1, Copies: e.Copy ? 1 : 0));
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
                messages.Add(Bundle(region, list, start, Math.Min(bundleSize, list.Count - start), compress));
            }
        }

        return messages;
    }

    /// <remarks>
    /// A compressed bundle that is damaged, names an unknown encoding or expands beyond <see cref="MaxBundleBytes"/>
    /// gives one empty event, which processing counts as unreadable (as it does an event that does not parse), so a
    /// damaged message never stops a region.
    /// </remarks>
    public static void Unpack(ulong sequence, string region, byte[]? data, NatsHeaders? headers, List<LoggedEvent> into)
    {
        data ??= [];
        if (headers is null || !headers.TryGetValue(CountHeader, out _))
        {
            into.Add(new LoggedEvent(sequence, region, data));
            return;
        }

        if (headers.TryGetValue(EncodingHeader, out var encoding))
        {
            try
            {
                data = encoding.ToString() == Zlib ? Inflate(data) : throw new InvalidDataException($"unknown {EncodingHeader} '{encoding}'");
            }
            catch (InvalidDataException)
            {
                into.Add(new LoggedEvent(sequence, region, ReadOnlyMemory<byte>.Empty));
                return;
            }
        }

        var start = 0;
        var index = 0;
        for (var i = 0; i <= data.Length; i++)
        {
            if (i == data.Length || data[i] == (byte)'\n')
            {
                if (i > start && index < 1 << LoggedEvent.IndexBits)
                {
                    into.Add(new LoggedEvent(sequence, region, data.AsMemory(start, i - start), index++));
                }

                start = i + 1;
            }
        }
    }

    private static EventBundle Bundle(string region, List<EventToLog> list, int start, int count, bool compress)
    {
        if (count == 1)
        {
            return new EventBundle(list[start], 1, Copies: list[start].Copy ? 1 : 0);
        }

        var length = count - 1;
        var copies = 0;
        var ids = new StringBuilder();
        for (var i = start; i < start + count; i++)
        {
            copies += list[i].Copy ? 1 : 0;
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

        // the ID keys the events, not their encoding, so a retry is a duplicate whether or not it was compressed
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(ids.ToString()));
        var id = "b" + Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return compress
            ? new EventBundle(new EventToLog(region, id, Deflate(json)), count, Compressed: true, Copies: copies)
            : new EventBundle(new EventToLog(region, id, json), count, Copies: copies);
    }

    private static byte[] Deflate(byte[] json)
    {
        using var output = new MemoryStream((json.Length / 4) + 64);
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(json);
        }

        return output.ToArray();
    }

    private static byte[] Inflate(byte[] data)
    {
        using var input = new MemoryStream(data, writable: false);
        using var zlib = new ZLibStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream(data.Length * 8);
        var buffer = new byte[81_920];
        int read;
        while ((read = zlib.Read(buffer)) > 0)
        {
            if (output.Length + read > MaxBundleBytes)
            {
                throw new InvalidDataException($"a compressed bundle expands beyond {MaxBundleBytes:N0} bytes");
            }

            output.Write(buffer, 0, read);
        }

        return output.ToArray();
    }
}
