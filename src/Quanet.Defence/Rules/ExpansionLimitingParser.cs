using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Quanet.Defence.Rules;

/// <summary>
/// Passes a YAML parser's events through while counting the nodes the document expands to, each alias counting the
/// whole node it refers to, and refusing plain numbers beyond the range of a double. Aliases stay allowed (a rule
/// file may share an operations list between rules) but a "billion laughs" file, whose few aliases expand
/// exponentially, stops at the node limit before anything is expanded.
/// </summary>
internal sealed class ExpansionLimitingParser(IParser inner, int maxNodes) : IParser
{
    private readonly Dictionary<string, long> _anchorNodes = new(StringComparer.Ordinal);
    private readonly Stack<(string Anchor, long NodesBefore)> _open = new();
    private long _nodes;

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case Scalar scalar:
                CheckNumber(scalar);
                Count(1, scalar);
                Remember(scalar.Anchor, 1);
                break;
            case NodeEvent { } start and (SequenceStart or MappingStart):
                if (_open.Count >= RuleSetLoader.MaxYamlDepth)
                {
                    throw new RuleFileLimitException(start.Start.Line, $"nesting deeper than {RuleSetLoader.MaxYamlDepth} levels, the limit for rule files");
                }

                _open.Push((start.Anchor.IsEmpty ? string.Empty : start.Anchor.Value, _nodes));
                Count(1, start);
                break;
            case SequenceEnd or MappingEnd:
                var (anchor, before) = _open.Pop();
                if (anchor.Length > 0)
                {
                    _anchorNodes[anchor] = _nodes - before;
                }

                break;
            case AnchorAlias alias:
                Count(_anchorNodes.GetValueOrDefault(alias.Value.Value, 1), alias);
                break;
        }

        return true;
    }

    private void Count(long nodes, ParsingEvent at)
    {
        _nodes += nodes;
        if (_nodes > maxNodes)
        {
            throw new RuleFileLimitException(at.Start.Line, $"aliases expand the document beyond {maxNodes} nodes, the limit for rule files");
        }
    }

    private void Remember(AnchorName anchor, long nodes)
    {
        if (!anchor.IsEmpty)
        {
            _anchorNodes[anchor.Value] = nodes;
        }
    }

    // a plain scalar that reads as a number must fit a double: 1e999 or a 400-digit integer would become infinity
    private static void CheckNumber(Scalar scalar)
    {
        var text = scalar.Value;
        if (scalar.Style == ScalarStyle.Plain && text.Any(char.IsAsciiDigit)
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsFinite(value))
        {
            var shown = text.Length > 24 ? text[..24] + "..." : text;
            throw new RuleFileLimitException(scalar.Start.Line, $"number out of range: {shown}");
        }
    }
}
