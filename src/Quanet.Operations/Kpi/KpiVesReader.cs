using System.Buffers.Text;
using Quanet.Core;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Kpi;

/// <summary>
/// Reads KPI samples from NDJSON of VES 7 bodies (one event, batch or bare event per line; blank lines
/// skipped), through <see cref="VesParser"/>. Every named value of a measurement event is one sample of
/// series <c>sourceName/group/name</c> at the event's <c>startEpochMicrosec</c>; other domains are
/// skipped. A line holds at most <see cref="VesParser.MaxBodyBytes"/>.
/// </summary>
internal sealed class KpiVesReader(string fileName)
{
    private const int InitialBufferBytes = 1 << 16;
    private readonly byte[] _time = new byte[24];

    /// <summary>Named values that were not numbers.</summary>
    public long Missing { get; private set; }

    /// <summary>Reads every line of <paramref name="input"/> into <paramref name="sink"/>.</summary>
    /// <exception cref="InputFormatException">A line that is not a valid VES body, naming the line.</exception>
    public void Read(Stream input, IKpiSampleSink sink, CancellationToken cancellationToken)
    {
        var buffer = new byte[InitialBufferBytes];
        int filled = 0, line = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (filled == buffer.Length)
            {
                if (buffer.Length > VesParser.MaxBodyBytes)
                {
                    throw new InputFormatException(fileName, line + 1, $"a line longer than {VesParser.MaxBodyBytes} bytes");
                }

                Array.Resize(ref buffer, buffer.Length * 2);
            }

            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                Line(buffer.AsSpan(start, newline), ++line, sink);
                start += newline + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    Line(buffer.AsSpan(start, filled - start), ++line, sink);
                }

                return;
            }

            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
        }
    }

    private void Line(ReadOnlySpan<byte> text, int line, IKpiSampleSink sink)
    {
        if (text.Trim(" \t\r"u8).Length == 0)
        {
            return;
        }

        List<VesEvent> events;
        try
        {
            events = VesParser.ParseBody(text);
        }
        catch (VesValidationException ex)
        {
            throw new InputFormatException(fileName, line, ex.Message);
        }

        foreach (var e in events)
        {
            Feed(e, sink, line);
        }
    }

    /// <summary>Hands the named values of <paramref name="e"/> to <paramref name="sink"/> when it is a measurement event.</summary>
    public void Feed(VesEvent e, IKpiSampleSink sink, int line)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Domain != "measurement")
        {
            return;
        }

        var instant = Math.DivRem(e.StartEpochMicrosec, 1_000_000L, out var rest) - (rest < 0 ? 1 : 0);
        Utf8Formatter.TryFormat(e.StartEpochMicrosec, _time, out var timeLength);
        foreach (var m in e.Measurements)
        {
            if (!double.IsFinite(m.Value))
            {
                Missing++;
                continue;
            }

            var key = m.Group.Length > 0 ? $"{e.SourceName}/{m.Group}/{m.Name}" : $"{e.SourceName}/{m.Name}";
            sink.Sample(key, instant, instant, _time.AsSpan(0, timeLength), m.Value, line);
        }
    }
}
