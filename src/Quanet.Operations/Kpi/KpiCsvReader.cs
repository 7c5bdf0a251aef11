using System.Text;
using Quanet.Core;

namespace Quanet.Operations.Kpi;

/// <summary>
/// Reads KPI samples from CSV in one pass over UTF-8 bytes: a header row naming the columns, then one
/// sample per row; the time, series and value columns are chosen by name. Fields may be quoted
/// (<c>"a,b"</c>, <c>""</c> for a quote); an empty or <c>NaN</c> value is a missing value and is skipped.
/// Memory does not grow with the input: a line may hold at most <see cref="MaxLineBytes"/>.
/// </summary>
internal sealed partial class KpiCsvReader
{
    /// <summary>The longest line accepted, in bytes.</summary>
    public const int MaxLineBytes = 1 << 16;

    private const int BufferBytes = 1 << 20;
    private readonly string _fileName;
    private readonly KpiDetectionRequest _request;
    private readonly char[] _keyChars = new char[MaxLineBytes];
    private readonly byte[] _keyBytes = new byte[MaxLineBytes];
    private int[] _starts = [];
    private int[] _lengths = [];
    private int _timeColumn;
    private int _seriesColumn;
    private int _valueColumn;
    private int _columns;

    public KpiCsvReader(string fileName, KpiDetectionRequest request)
    {
        _fileName = fileName;
        _request = request;
    }

    /// <summary>Rows whose value was missing.</summary>
    public long Missing { get; private set; }

    /// <summary>Reads every row of <paramref name="input"/> into <paramref name="sink"/>.</summary>
    /// <exception cref="InputFormatException">A malformed header or row, naming the line.</exception>
    public void Read(Stream input, IKpiSampleSink sink, CancellationToken cancellationToken)
    {
        var buffer = new byte[BufferBytes];
        int filled = 0, line = 0;
        var header = true;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var read = input.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var start = 0;
            int newline;
            while ((newline = buffer.AsSpan(start, filled - start).IndexOf((byte)'\n')) >= 0)
            {
                Line(buffer.AsSpan(start, newline), ++line, ref header, sink);
                start += newline + 1;
            }

            if (read == 0)
            {
                if (start < filled)
                {
                    Line(buffer.AsSpan(start, filled - start), ++line, ref header, sink);
                }

                break;
            }

            if (start == 0 && filled == buffer.Length)
            {
                throw new InputFormatException(_fileName, line + 1, $"a line longer than {MaxLineBytes} bytes");
            }

            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            filled -= start;
        }

        if (header)
        {
            throw new InputFormatException(_fileName, Math.Max(line, 1), $"no header row, expected one naming the columns '{_request.TimeColumn}', '{_request.SeriesColumn}' and '{_request.ValueColumn}'");
        }
    }

    private void Line(ReadOnlySpan<byte> text, int line, ref bool header, IKpiSampleSink sink)
    {
        if (text.Length > MaxLineBytes)
        {
            throw new InputFormatException(_fileName, line, $"a line longer than {MaxLineBytes} bytes");
        }

        if (text.Length > 0 && text[^1] == '\r')
        {
            text = text[..^1];
        }

        if (header && line == 1 && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.Trim((byte)' ').Length == 0)
        {
            return;
        }

        if (header)
        {
            Header(text, line);
            header = false;
            return;
        }

        Row(text, line, sink);
    }

    private void Header(ReadOnlySpan<byte> text, int line)
    {
        _starts = new int[1024];
        _lengths = new int[1024];
        var count = Split(text, line, _starts.Length, exact: false);
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = Encoding.UTF8.GetString(Unquote(Field(text, i), _keyBytes)).Trim();
        }

        _columns = count;
        _timeColumn = Column(names, _request.TimeColumn, "--time-column", line);
        _seriesColumn = Column(names, _request.SeriesColumn, "--series-column", line);
        _valueColumn = Column(names, _request.ValueColumn, "--value-column", line);
        Array.Resize(ref _starts, count);
        Array.Resize(ref _lengths, count);
    }

    private int Column(string[] names, string name, string option, int line)
    {
        var index = Array.FindIndex(names, n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            var shown = string.Join(", ", names.Take(20));
            throw new InputFormatException(_fileName, line, $"no column '{name}' in the header (name it with {option}); the columns are: {shown}");
        }

        return index;
    }
}
