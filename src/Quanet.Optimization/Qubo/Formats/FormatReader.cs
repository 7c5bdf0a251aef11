using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Line-oriented helpers shared by the text readers: numbered lines, comments skipped, numbers parsed with position-aware errors.</summary>
internal sealed class FormatReader
{
    private readonly string[] _lines;
    private readonly long _length;
    private long _consumed;
    private int _next;

    public FormatReader(string fileName, string text, FormatLimits limits)
    {
        FileName = fileName;
        Limits = limits;
        limits.RequireInputSize(text.Length, fileName);
        var normalized = text.ReplaceLineEndings("\n");
        _length = normalized.Length;
        _lines = normalized.Split('\n');
    }

    public string FileName { get; }

    public FormatLimits Limits { get; }

    /// <summary>Characters after the line last returned: the most that records still to come can take.</summary>
    public long Remaining => _length - _consumed;

    /// <summary>1-based number of the line last returned.</summary>
    public int LineNumber { get; private set; }

    /// <summary>Next line that is not blank and does not start with one of <paramref name="commentPrefixes"/>, trimmed; null at the end.</summary>
    public string? NextLine(params string[] commentPrefixes)
    {
        while (_next < _lines.Length)
        {
            _consumed += _lines[_next].Length + 1;
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

    /// <summary>An input fragment as it may be quoted in a message: control characters escaped, cut after 40 characters.</summary>
    public static string Shorten(string token) => Printable.Escape(token);

    /// <summary>
    /// The capacity to reserve for <paramref name="declared"/> records of at least <paramref name="minRecordLength"/>
    /// characters: no more than the rest of the input can hold, so a declared count alone never allocates.
    /// </summary>
    public int CapacityFor(long declared, int minRecordLength) =>
        (int)Math.Clamp(Math.Min(declared, Remaining / minRecordLength), 0, Array.MaxLength);

    /// <summary>Throws unless <paramref name="declared"/> is within <see cref="FormatLimits.MaxVariables"/>.</summary>
    public int RequireVariables(long declared, string what) => Limits.RequireVariables(declared, FileName, LineNumber, what);

    /// <summary>
    /// <paramref name="model"/> when the magnitudes of its offset and biases sum to a finite number, which keeps every
    /// energy finite too; repeated terms or a tiny divisor can overflow even when each coefficient read was finite.
    /// </summary>
    /// <exception cref="InputFormatException">The sum overflows.</exception>
    public static BinaryQuadraticModel RequireFinite(BinaryQuadraticModel model, string fileName)
    {
        var total = Math.Abs(model.Offset);
        foreach (var h in model.Linear)
        {
            total += Math.Abs(h);
        }

        foreach (var (_, _, w) in model.Interactions())
        {
            total += Math.Abs(w);
        }

        return double.IsFinite(total) ? model : throw NotFinite(fileName);
    }

    /// <summary>The error for coefficients whose magnitudes sum past the largest double.</summary>
    public static InputFormatException NotFinite(string fileName) =>
        new(fileName, 0, "the coefficients' magnitudes sum past the largest finite number (1.8e308); scale the model down");

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
