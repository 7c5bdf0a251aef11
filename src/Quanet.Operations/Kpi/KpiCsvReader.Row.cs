using System.Buffers.Text;
using System.Text;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Operations.Kpi;

/// <summary>The row facet: fields found in place, parsed from bytes.</summary>
internal sealed partial class KpiCsvReader
{
    private void Row(ReadOnlySpan<byte> text, int line, IKpiSampleSink sink)
    {
        Split(text, line, _columns, exact: true);
        var timeText = Field(text, _timeColumn).Trim(" \t\""u8);
        var valueText = Field(text, _valueColumn).Trim(" \t\""u8);
        var keyText = Unquote(Field(text, _seriesColumn), _keyBytes).Trim(" \t"u8);
        if (valueText.Length == 0 || valueText.SequenceEqual("NaN"u8))
        {
            Missing++;
            return;
        }

        if (!Utf8Parser.TryParse(valueText, out double value, out var used) || used != valueText.Length || !double.IsFinite(value))
        {
            throw Bad(line, "value", valueText, _request.ValueColumn, "a finite number (an empty field or NaN is a missing value)");
        }

        if (!KpiTime.TryParse(timeText, out var instant, out var wall))
        {
            throw Bad(line, "time", timeText, _request.TimeColumn, "ISO 8601 (2024-06-01T00:15:00Z) or Unix seconds");
        }

        if (keyText.Length == 0)
        {
            throw new InputFormatException(_fileName, line, $"empty series key in column '{_request.SeriesColumn}'");
        }

        var chars = Encoding.UTF8.GetChars(keyText, _keyChars);
        sink.Sample(_keyChars.AsSpan(0, chars), instant, wall, timeText, value, line);
    }

    private InputFormatException Bad(int line, string what, ReadOnlySpan<byte> text, string column, string expected) =>
        new(_fileName, line, $"bad {what} '{Printable.Escape(Encoding.UTF8.GetString(text))}' in column '{column}', expected {expected}");

    // finds the fields of a line in place: plain fields split at commas; a field starting with a quote runs to its closing quote
    private int Split(ReadOnlySpan<byte> text, int line, int capacity, bool exact)
    {
        var count = 0;
        var position = 0;
        var quoted = text.IndexOf((byte)'"') >= 0;
        while (true)
        {
            if (count == capacity)
            {
                throw new InputFormatException(_fileName, line, exact
                    ? $"expected {_columns} comma-separated fields as in the header, found more"
                    : $"more than {capacity} columns in the header");
            }

            var end = quoted && position < text.Length && text[position] == '"' ? QuotedEnd(text, position, line) : position;
            var comma = text[end..].IndexOf((byte)',');
            var length = comma < 0 ? text.Length - position : end - position + comma;
            _starts[count] = position;
            _lengths[count] = length;
            count++;
            if (comma < 0)
            {
                break;
            }

            position += length + 1;
        }

        if (exact && count != _columns)
        {
            throw new InputFormatException(_fileName, line, $"expected {_columns} comma-separated fields as in the header, found {count}");
        }

        return count;
    }

    private int QuotedEnd(ReadOnlySpan<byte> text, int open, int line)
    {
        var i = open + 1;
        while (i < text.Length)
        {
            if (text[i] == '"')
            {
                if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    i += 2;
                    continue;
                }

                return i + 1;
            }

            i++;
        }

        throw new InputFormatException(_fileName, line, "a quoted field has no closing quote (a field may not span lines)");
    }

    private ReadOnlySpan<byte> Field(ReadOnlySpan<byte> text, int index) => text.Slice(_starts[index], _lengths[index]);

    // the field without its quotes, "" read as one quote (copied into scratch only when it had quotes)
    private static ReadOnlySpan<byte> Unquote(ReadOnlySpan<byte> field, byte[] scratch)
    {
        var trimmed = field.Trim(" \t"u8);
        if (trimmed.Length < 2 || trimmed[0] != '"' || trimmed[^1] != '"')
        {
            return field;
        }

        var inner = trimmed[1..^1];
        var n = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            scratch[n++] = inner[i];
            if (inner[i] == '"' && i + 1 < inner.Length && inner[i + 1] == '"')
            {
                i++;
            }
        }

        return scratch.AsSpan(0, n);
    }
}
