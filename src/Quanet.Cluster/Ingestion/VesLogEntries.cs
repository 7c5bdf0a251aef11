using System.Buffers;
using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Ingestion;

/// <summary>Turns validated VES events into log entries: region by source, identity by source, event ID and sequence.</summary>
public static class VesLogEntries
{
    /// <summary>
    /// The log entries of <paramref name="events"/>: each event's JSON is written anew by <see cref="VesEventWriter"/>
    /// (what the parser understood, in one canonical form), one entry per region it is published to
    /// (<see cref="TopologyRegions.RegionsOf"/>: its source's region, and for a hub's elements the neighbouring regions).
    /// </summary>
    public static EventToLog[] From(IReadOnlyList<VesEvent> events, TopologyRegions regions)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(regions);
        var entries = new List<EventToLog>(events.Count);
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        foreach (var e in events)
        {
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            VesEventWriter.WriteEvent(writer, e);
            writer.Flush();
            AddEntries(entries, e, regions, buffer.WrittenSpan.ToArray());
        }

        return [.. entries];
    }

    /// <summary>
    /// The log entries of <paramref name="events"/> parsed from <paramref name="body"/>, each keeping the sender's own
    /// bytes of its event (<paramref name="spans"/>, from <see cref="VesParser.ParseBody(ReadOnlySpan{byte}, List{Range})"/>)
    /// rather than writing it again: the parser accepted exactly those bytes, and a reader parses them to the same
    /// event. An event whose bytes hold a line break (a pretty-printed body) is written anew in one line, since
    /// bundles separate events by line breaks.
    /// </summary>
    /// <remarks>The entries refer to <paramref name="body"/>'s memory: keep it unchanged until they are published.</remarks>
    public static EventToLog[] From(IReadOnlyList<VesEvent> events, TopologyRegions regions, ReadOnlyMemory<byte> body, IReadOnlyList<Range> spans)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(spans);
        if (spans.Count != events.Count)
        {
            // a body with a repeated 'event' member: the spans do not pair with the events
            return From(events, regions);
        }

        var entries = new List<EventToLog>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var json = body[spans[i]];
            if (json.Span.IndexOfAny((byte)'\n', (byte)'\r') < 0)
            {
                AddEntries(entries, e, regions, json);
            }
            else
            {
                entries.AddRange(From([e], regions));
            }
        }

        return [.. entries];
    }

    /// <summary>
    /// The message ID of the copy of an event published to a neighbouring region (<see cref="TopologyRegions.RegionsOf"/>):
    /// <see cref="MessageId"/> and the region, so that each copy is its own message in the duplicate window.
    /// </summary>
    public static string CopyMessageId(string messageId, string region) => messageId + "." + region;

    private static void AddEntries(List<EventToLog> entries, VesEvent e, TopologyRegions regions, ReadOnlyMemory<byte> json)
    {
        var to = regions.RegionsOf(e.SourceName);
        var id = MessageId(e);
        entries.Add(new EventToLog(to[0], id, json));
        for (var r = 1; r < to.Count; r++)
        {
            entries.Add(new EventToLog(to[r], CopyMessageId(id, to[r]), json, Copy: true));
        }
    }

    /// <summary>
    /// The event's identity in the duplicate window: source, event ID and sequence, the key the correlator's own
    /// duplicate check uses, so a sender's retry of the same event is stored once (as a SHA-256, base64url).
    /// </summary>
    public static string MessageId(VesEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // hashed: a NATS header value must be printable ASCII, and sources and IDs may hold anything
        var length = Encoding.UTF8.GetMaxByteCount(e.SourceName.Length + e.EventId.Length) + 24;
        var rented = length <= 512 ? null : ArrayPool<byte>.Shared.Rent(length);
        Span<byte> key = rented ?? stackalloc byte[512];
        var at = Encoding.UTF8.GetBytes(e.SourceName, key);
        key[at++] = 0;
        at += Encoding.UTF8.GetBytes(e.EventId, key[at..]);
        key[at++] = 0;
        e.Sequence.TryFormat(key[at..], out var written, default, CultureInfo.InvariantCulture);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(key[..(at + written)], hash);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        return Base64Url.EncodeToString(hash);
    }
}
