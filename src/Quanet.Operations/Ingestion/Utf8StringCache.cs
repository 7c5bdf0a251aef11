using System.Text.Json;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// A small per-thread cache from the UTF-8 bytes of a JSON string to its .NET string: source names,
/// alarm conditions and counter names repeat across events, so the parser hands out one string per
/// value instead of allocating a copy per event. Direct-mapped (a collision replaces the entry), bounded
/// in memory, and it only ever returns a string equal to the bytes it was given.
/// </summary>
internal static class Utf8StringCache
{
    private const int Slots = 4096;
    private const int MaxBytes = 64;

    [ThreadStatic]
    private static Entry[]? _entries;

    /// <summary>The string value (or property name) under the reader.</summary>
    public static string Get(ref Utf8JsonReader reader)
    {
        if (reader.ValueIsEscaped || reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes)
        {
            return reader.GetString()!;
        }

        var span = reader.ValueSpan;
        var entries = _entries ??= new Entry[Slots];
        var hash = new HashCode();
        hash.AddBytes(span);
        ref var entry = ref entries[hash.ToHashCode() & (Slots - 1)];
        if (entry.Utf8 is { } cached && span.SequenceEqual(cached))
        {
            return entry.Text;
        }

        // GetString validates the UTF-8 once; later hits compare bytes with the validated copy
        var text = reader.GetString()!;
        entry = new Entry(span.ToArray(), text);
        return text;
    }

    private readonly record struct Entry(byte[] Utf8, string Text);
}
