using System.Globalization;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Line-oriented helpers shared by the text readers: numbered lines, comments skipped, numbers parsed with position-aware errors.</summary>
internal sealed class FormatReader
{
    private readonly string[] _lines;
    private int _next;

    public FormatReader(string fileName, string text)
    {
        FileName = fileName;
        _lines = text.ReplaceLineEndings("\n").Split('\n');
    }

    public string FileName { get; }

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Next line that is not blank and does not start with one of <paramref name="commentPrefixes"/>, trimmed; null at the end.</summary>
    public string? NextLine(params string[] commentPrefixes)
    {
        while (_next < _lines.Length)
        {
            var line = _lines[_next++].Trim();
            if (line.Length == 0 || StartsWithAny(line, commentPrefixes))
            {
                continue;
            }

            LineNumber = _next;
            return line;
        }

        // at the end, errors point at the last line that had content (0 for an empty file)
        return null;
    }

    public InputFormatException Error(string reason) => new(FileName, LineNumber, reason);

    public static string[] Fields(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    public int ParseInt(string token, string what)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"expected {what} as an integer, found '{Shorten(token)}'");
        }

        return value;
    }

    public double ParseDouble(string token, string what)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw Error($"expected {what} as a finite number, found '{Shorten(token)}'");
        }

        return value;
    }

    public static string Shorten(string token) => token.Length <= 40 ? token : string.Concat(token.AsSpan(0, 40), "...");

    private static bool StartsWithAny(string line, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (line.StartsWith(prefix, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
