using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace Quanet.Defence.Telemetry;

/// <summary>
/// Parses security telemetry line by line. Never throws on content: a malformed or hostile line
/// (too long, invalid UTF-8, control characters, broken JSON, missing or oversized fields) is rejected with a
/// counted reason and the lines around it are still read.
/// </summary>
public sealed partial class TelemetryParser
{
    private readonly TelemetryLimits _limits;
    private readonly JsonDocumentOptions _jsonOptions;
    private long _accepted;
    private long _ignored;

    /// <summary>Creates a parser with <paramref name="limits"/> (defaults when null).</summary>
    public TelemetryParser(TelemetryLimits? limits = null)
    {
        _limits = limits ?? new TelemetryLimits();
        _jsonOptions = new JsonDocumentOptions { MaxDepth = _limits.MaxJsonDepth };
    }

    /// <summary>Lines accepted so far.</summary>
    public long Accepted => Interlocked.Read(ref _accepted);

    /// <summary>Lines that were valid but not relevant (headers, blank lines, non-alert eve records).</summary>
    public long Ignored => Interlocked.Read(ref _ignored);

    /// <summary>Rejected lines by reason.</summary>
    public RejectionCounts Rejections { get; } = new();

    /// <summary>Parses one line (without its newline). Returns the event, or null when the line was rejected or ignored.</summary>
    public SecurityEvent? Parse(TelemetryKind kind, ReadOnlySpan<byte> line)
    {
        if (line.Length > _limits.MaxLineBytes)
        {
            return Reject("line too long");
        }

        if (!Utf8.IsValid(line))
        {
            return Reject("invalid UTF-8");
        }

        var trimmed = line.Trim(" \t\r"u8);
        if (trimmed.IsEmpty)
        {
            Interlocked.Increment(ref _ignored);
            return null;
        }

        try
        {
            var result = trimmed[0] == (byte)'{'
                ? ParseJson(kind, trimmed)
                : ParseText(kind, Encoding.UTF8.GetString(trimmed));
            if (result is null)
            {
                Interlocked.Increment(ref _ignored);
                return null;
            }

            Interlocked.Increment(ref _accepted);
            return result;
        }
        catch (LineRejectedException ex)
        {
            return Reject(ex.Reason);
        }
        catch (JsonException)
        {
            return Reject("invalid JSON");
        }
    }

    /// <summary>Parses one line of text.</summary>
    public SecurityEvent? Parse(TelemetryKind kind, string line) => Parse(kind, Encoding.UTF8.GetBytes(line));

    /// <summary>Reads every line of <paramref name="stream"/>; over-long lines are skipped to their end and counted.</summary>
    public IEnumerable<SecurityEvent> ReadAll(TelemetryKind kind, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = ArrayPool<byte>.Shared.Rent(_limits.MaxLineBytes + 1);
        try
        {
            var length = 0;
            var skipping = false;
            int b;
            while ((b = stream.ReadByte()) >= 0)
            {
                if (b == '\n')
                {
                    if (skipping)
                    {
                        Reject("line too long");
                    }
                    else if (Parse(kind, buffer.AsSpan(0, length)) is { } ev)
                    {
                        yield return ev;
                    }

                    length = 0;
                    skipping = false;
                }
                else if (!skipping)
                {
                    if (length == _limits.MaxLineBytes)
                    {
                        skipping = true;
                    }
                    else
                    {
                        buffer[length++] = (byte)b;
                    }
                }
            }

            if (skipping)
            {
                Reject("line too long");
            }
            else if (length > 0 && Parse(kind, buffer.AsSpan(0, length)) is { } last)
            {
                yield return last;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private SecurityEvent? Reject(string reason)
    {
        Rejections.Add(reason);
        return null;
    }
}
