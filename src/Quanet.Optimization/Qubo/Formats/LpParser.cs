using Quanet.Core;
namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Recursive-descent parser behind <see cref="CplexLpFormat"/>.</summary>
internal sealed class LpParser(List<LpToken> tokens, string fileName)
{
    private readonly Dictionary<string, double> _linear = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, string), double> _quadratic = [];
    private readonly HashSet<string> _binaries = new(StringComparer.Ordinal);
    private readonly List<string> _binaryOrder = [];
    private readonly List<string> _order = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private double _offset;
    private int _pos;

    public BinaryQuadraticModel Parse()
    {
        var sense = Peek();
        double sign;
        if (IsKeyword(sense, "minimize", "minimise", "minimum", "min"))
        {
            sign = 1;
        }
        else if (IsKeyword(sense, "maximize", "maximise", "maximum", "max"))
        {
            sign = -1;
        }
        else
        {
            throw Error(sense, "expected 'Minimize' or 'Maximize' to start the objective");
        }

        _pos++;
        ParseObjective();
        while (Peek().Kind != LpTokenKind.End)
        {
            var t = Peek();
            if (IsSubjectTo())
            {
                continue;
            }

            if (IsKeyword(t, "bounds", "bound"))
            {
                _pos++;
                ParseBounds();
            }
            else if (IsKeyword(t, "binary", "binaries", "bin"))
            {
                _pos++;
                while (Peek().Kind == LpTokenKind.Name && !IsSection(Peek()))
                {
                    var name = Next().Text;
                    if (_binaries.Add(name))
                    {
                        _binaryOrder.Add(name);
                    }
                }
            }
            else if (IsKeyword(t, "general", "generals", "gen", "semi-continuous", "semis", "semi", "sos"))
            {
                throw Error(t, $"section '{t.Text}' is not allowed: a QUBO has binary variables only");
            }
            else if (IsKeyword(t, "end"))
            {
                _pos++;
                if (Peek().Kind != LpTokenKind.End)
                {
                    throw Error(Peek(), "unexpected text after 'End'");
                }
            }
            else
            {
                throw Error(t, $"expected a section (Subject To, Bounds, Binary, End), found '{FormatReader.Shorten(t.Text)}'");
            }
        }

        foreach (var name in _order)
        {
            if (!_binaries.Contains(name))
            {
                throw new InputFormatException(fileName, 0, $"variable '{name}' is not declared in a Binary section: a QUBO has binary variables only");
            }
        }

        // variables are numbered in the order of the Binary section, so a written file reads back in index order
        var builder = new BqmBuilder(Vartype.Binary);
        foreach (var name in _binaryOrder)
        {
            builder.AddVariable(name);
        }

        foreach (var (name, w) in _linear)
        {
            builder.AddLinear(builder.IndexOf(name), sign * w);
        }

        foreach (var ((a, b), w) in _quadratic)
        {
            builder.AddQuadratic(builder.IndexOf(a), builder.IndexOf(b), sign * w);
        }

        builder.AddOffset(sign * _offset);
        return builder.Build();
    }

    private void ParseObjective()
    {
        if (Peek().Kind == LpTokenKind.Name && !IsSection(Peek()) && tokens[_pos + 1].Text == ":")
        {
            _pos += 2;
        }

        var first = true;
        while (Peek().Kind != LpTokenKind.End && !IsSection(Peek()))
        {
            var sign = Sign(first);
            first = false;
            if (Peek().Text == "[")
            {
                _pos++;
                ParseQuadratic(sign);
                continue;
            }

            var coefficient = 1.0;
            if (Peek().Kind == LpTokenKind.Number)
            {
                coefficient = Next().Number;
                if (Peek().Kind != LpTokenKind.Name || IsSection(Peek()))
                {
                    _offset += sign * coefficient;
                    continue;
                }
            }

            var name = ExpectName("a variable name");
            Use(name);
            _linear[name] = _linear.GetValueOrDefault(name) + (sign * coefficient);
        }
    }

    private void ParseQuadratic(double outerSign)
    {
        var terms = new List<(string, string, double)>();
        var first = true;
        while (Peek().Text != "]")
        {
            if (Peek().Kind == LpTokenKind.End || IsSection(Peek()))
            {
                throw Error(Peek(), "expected ']' to close the quadratic part");
            }

            var sign = Sign(first);
            first = false;
            var coefficient = Peek().Kind == LpTokenKind.Number ? Next().Number : 1.0;
            var a = ExpectName("a variable in a quadratic term");
            string b;
            if (Peek().Text == "^")
            {
                _pos++;
                var power = Next();
                if (power.Kind != LpTokenKind.Number || power.Number != 2)
                {
                    throw Error(power, "expected '^ 2' in a quadratic term");
                }

                b = a;
            }
            else if (Peek().Text == "*")
            {
                _pos++;
                b = ExpectName("a variable after '*'");
            }
            else
            {
                throw Error(Peek(), "expected '*' or '^ 2' in a quadratic term");
            }

            Use(a);
            Use(b);
            terms.Add((a, b, sign * coefficient));
        }

        _pos++;
        var divisor = 1.0;
        if (Peek().Text == "/")
        {
            _pos++;
            var d = Next();
            if (d.Kind != LpTokenKind.Number || d.Number == 0)
            {
                throw Error(d, "expected a non-zero number after '/'");
            }

            divisor = d.Number;
        }

        foreach (var (a, b, w) in terms)
        {
            var value = outerSign * w / divisor;
            if (a == b)
            {
                // x^2 = x for binaries
                _linear[a] = _linear.GetValueOrDefault(a) + value;
            }
            else
            {
                var key = string.CompareOrdinal(a, b) < 0 ? (a, b) : (b, a);
                _quadratic[key] = _quadratic.GetValueOrDefault(key) + value;
            }
        }
    }

    private void ParseBounds()
    {
        while (Peek().Kind != LpTokenKind.End && !IsSection(Peek()))
        {
            var start = Peek();
            var line = start.Line;
            var parts = new List<LpToken>();
            while (Peek().Kind != LpTokenKind.End && Peek().Line == line && !IsSection(Peek()))
            {
                parts.Add(Next());
            }

            if (!IsZeroOneBound(parts))
            {
                throw Error(start, "only 0 <= x <= 1 style bounds are allowed for binary variables");
            }
        }
    }

    private static bool IsZeroOneBound(List<LpToken> parts)
    {
        static bool InUnit(LpToken t) => t.Kind == LpTokenKind.Number && t.Number is >= 0 and <= 1;
        return parts.Count switch
        {
            3 => parts[0].Kind == LpTokenKind.Name && parts[1].Text is "<=" or ">=" or "<" or ">" && InUnit(parts[2]),
            5 => InUnit(parts[0]) && parts[1].Text is "<=" or "<" && parts[2].Kind == LpTokenKind.Name && parts[3].Text is "<=" or "<" && InUnit(parts[4]),
            _ => false,
        };
    }

    private bool IsSubjectTo()
    {
        var t = Peek();
        var isSt = IsKeyword(t, "st", "s.t.", "st.");
        var isTwoWords = (IsKeyword(t, "subject") && tokens[_pos + 1].Text.Equals("to", StringComparison.OrdinalIgnoreCase))
            || (IsKeyword(t, "such") && tokens[_pos + 1].Text.Equals("that", StringComparison.OrdinalIgnoreCase));
        if (!isSt && !isTwoWords)
        {
            return false;
        }

        _pos += isSt ? 1 : 2;
        if (Peek().Kind != LpTokenKind.End && !IsSection(Peek()))
        {
            throw Error(Peek(), "constraints are not supported in a QUBO file: fold them into the objective as penalties");
        }

        return true;
    }

    private double Sign(bool first)
    {
        var t = Peek();
        if (t.Text is "+" or "-")
        {
            _pos++;
            return t.Text == "-" ? -1 : 1;
        }

        if (!first)
        {
            throw Error(t, $"expected '+' or '-' between terms, found '{FormatReader.Shorten(t.Text)}'");
        }

        return 1;
    }

    private void Use(string name)
    {
        if (_seen.Add(name))
        {
            _order.Add(name);
        }
    }

    private string ExpectName(string what)
    {
        var t = Next();
        if (t.Kind != LpTokenKind.Name || IsSection(t))
        {
            throw Error(t, $"expected {what}, found '{FormatReader.Shorten(t.Text)}'");
        }

        return t.Text;
    }

    private bool IsSection(LpToken t) =>
        IsKeyword(t, "subject", "such", "st", "s.t.", "st.", "bounds", "bound", "binary", "binaries", "bin", "general", "generals", "gen", "end", "semi-continuous", "semis", "semi", "sos");

    private static bool IsKeyword(LpToken t, params string[] words)
    {
        if (t.Kind != LpTokenKind.Name)
        {
            return false;
        }

        foreach (var w in words)
        {
            if (t.Text.Equals(w, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private LpToken Peek() => tokens[_pos];

    private LpToken Next() => tokens[_pos < tokens.Count - 1 ? _pos++ : _pos];

    private InputFormatException Error(LpToken at, string reason) => new(fileName, at.Line, reason);
}
