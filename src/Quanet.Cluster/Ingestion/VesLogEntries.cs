using System.Buffers;
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
    /// (what the parser understood, in one canonical form), its region is its source's.
    /// </summary>
    public static EventToLog[] From(IReadOnlyList<VesEvent> events, TopologyRegions regions)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(regions);
        var entries = new EventToLog[events.Count];
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var writer = new Utf8JsonWriter(buffer);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            buffer.ResetWrittenCount();
            writer.Reset(buffer);
            VesEventWriter.WriteEvent(writer, e);
            writer.Flush();
            entries[i] = new EventToLog(regions.RegionOf(e.SourceName), MessageId(e), buffer.WrittenSpan.ToArray());
        }

        return entries;
    }

    /// <summary>
    /// The event's identity in the duplicate window: source, event ID and sequence, the key the correlator's own
    /// duplicate check uses, so a sender's retry of the same event is stored once (as a SHA-256, base64url).
    /// </summary>
    public static string MessageId(VesEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);

        // hashed: a NATS header value must be printable ASCII, and sources and IDs may hold anything
        var key = string.Create(CultureInfo.InvariantCulture, $"{e.SourceName}\0{e.EventId}\0{e.Sequence}");
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        return Convert.ToBase64String(hash).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
