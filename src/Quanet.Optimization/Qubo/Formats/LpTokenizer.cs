using System.Globalization;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Splits CPLEX LP text into tokens; backslash starts a comment to the end of the line.</summary>
internal static class LpTokenizer
{
    private const string NameChars = "!\"#$%&()/,.;?@_`'{}|~";

    public static List<LpToken> Tokenize(string text, string fileName)
    {
        var tokens = new List<LpToken>();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '\n')
            {
                line++;
                i++;
            }
            else if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '\\')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsDigit(c) || (c == '.' && i + 1 < text.Length && char.IsDigit(text[i + 1])))
            {
                var start = i;
                while (i < text.Length && (char.IsDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
                {
                    var save = i;
                    i++;
                    if (i < text.Length && (text[i] == '+' || text[i] == '-'))
                    {
                        i++;
                    }

                    if (i < text.Length && char.IsDigit(text[i]))
                    {
                        while (i < text.Length && char.IsDigit(text[i]))
                        {
                            i++;
                        }
                    }
                    else
                    {
                        i = save;
                    }
                }

                var s = text[start..i];
                if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new InputFormatException(fileName, line, $"malformed number '{FormatReader.Shorten(s)}'");
                }

                if (!double.IsFinite(value))
                {
                    // double.TryParse turns 1e309 into infinity and reports success
                    throw new InputFormatException(fileName, line, $"coefficient {FormatReader.Shorten(s)} is not a finite number");
                }

                tokens.Add(new LpToken(LpTokenKind.Number, s, value, line));
            }
            else if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || NameChars.Contains(text[i], StringComparison.Ordinal)))
                {
                    i++;
                }

                tokens.Add(new LpToken(LpTokenKind.Name, text[start..i], 0, line));
            }
            else if (c is '<' or '>' or '=')
            {
                var s = i + 1 < text.Length && text[i + 1] == '=' ? text.Substring(i, 2) : c.ToString();
                i += s.Length;
                tokens.Add(new LpToken(LpTokenKind.Symbol, s, 0, line));
            }
            else if ("+-*^[]/:".Contains(c, StringComparison.Ordinal))
            {
                tokens.Add(new LpToken(LpTokenKind.Symbol, c.ToString(), 0, line));
                i++;
            }
            else
            {
                throw new InputFormatException(fileName, line, $"unexpected character '{FormatReader.Shorten(c.ToString())}'");
            }
        }

        tokens.Add(new LpToken(LpTokenKind.End, "", 0, line));
        return tokens;
    }
}
