using System.Globalization;
using System.Text;

namespace Quanet.Core.Text;

/// <summary>
/// Makes untrusted text safe to echo on a terminal or in a log line: control characters and the
/// characters that reorder or break lines are written as escapes, and long text is cut with an ellipsis.
/// Every parser quotes input through <see cref="Escape(string?, int)"/>, and the CLI applies it once more
/// to the whole error line, so a file cannot clear the screen or forge a second message line.
/// </summary>
public static class Printable
{
    /// <summary>The length <see cref="Escape(string?, int)"/> cuts quoted input fragments to.</summary>
    /// <value>40 characters of input, as the readers always quoted.</value>
    public const int DefaultMaxLength = 40;

    /// <summary>The ellipsis appended to text that was cut.</summary>
    public const string Ellipsis = "...";

    /// <summary>
    /// <paramref name="text"/> with C0 and C1 control characters, DEL, the Unicode line and paragraph
    /// separators and the bidirectional formatting characters written as <c>\xHH</c> or <c>\uHHHH</c>,
    /// and lone surrogates written as <c>\uHHHH</c>; cut after <paramref name="maxLength"/> input characters
    /// with <see cref="Ellipsis"/> appended. Text that needs no change is returned as it is.
    /// </summary>
    /// <param name="text">The untrusted text; null gives the empty string.</param>
    /// <param name="maxLength">How many input characters to keep at most (default <see cref="DefaultMaxLength"/>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLength"/> is negative.</exception>
    public static string Escape(string? text, int maxLength = DefaultMaxLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxLength);
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var cut = text.Length > maxLength;
        var keep = cut ? maxLength : text.Length;
        if (cut && keep > 0 && char.IsHighSurrogate(text[keep - 1]) && keep < text.Length && char.IsLowSurrogate(text[keep]))
        {
            // never split a surrogate pair: the half would be printed as an escape
            keep--;
        }

        if (!cut && IsClean(text))
        {
            return text;
        }

        var sb = new StringBuilder(keep + 16);
        for (var i = 0; i < keep; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < keep && char.IsLowSurrogate(text[i + 1]))
            {
                sb.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (char.IsSurrogate(c) || NeedsEscape(c))
            {
                sb.Append(c <= 0xFF
                    ? string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}")
                    : string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"));
            }
            else
            {
                sb.Append(c);
            }
        }

        if (cut)
        {
            sb.Append(Ellipsis);
        }

        return sb.ToString();
    }

    /// <summary>Whether <paramref name="text"/> would be echoed unchanged (no character that <see cref="Escape(string?, int)"/> rewrites).</summary>
    public static bool IsClean(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || NeedsEscape(c))
            {
                return false;
            }
        }

        return true;
    }

    // C0, DEL and C1 are the controls a terminal acts on; U+2028/2029 break lines in some viewers;
    // the bidi embeddings, overrides and isolates reorder what follows them ("Trojan Source").
    private static bool NeedsEscape(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is '\u2028' or '\u2029' or '\u200E' or '\u200F'
        || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
