using System.Text.RegularExpressions;

namespace Quanet.Core.Text;

/// <summary>
/// What a YAML deserializer's exception means, in Quanet's words and without .NET type names: a wrapper such as
/// "Exception during deserialization" gives way to its cause, "Property 'x' not found on type 'Quanet...'" becomes
/// "unknown field 'x'", "Expected 'MappingStart', got 'SequenceStart'" becomes "expected a mapping, found a list", and
/// the parser's syntax messages are kept ("not valid YAML: while parsing a block mapping, did not find expected key").
/// Works on the messages alone, so libraries reading YAML share it without Quanet.Core depending on a YAML library.
/// </summary>
public static partial class YamlErrorText
{
    /// <summary>One line saying what is wrong (the caller adds the file and line).</summary>
    public static string Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var messages = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        // the innermost cause says most; the outer exceptions only say where the deserializer was
        for (var i = messages.Count - 1; i >= 0; i--)
        {
            if (Translate(messages[i]) is { } text)
            {
                return text;
            }
        }

        return "a value of the wrong type";
    }

    private static string? Translate(string message)
    {
        if (UnknownProperty().Match(message) is { Success: true } unknown)
        {
            return $"unknown field '{unknown.Groups["name"].Value}'";
        }

        if (NotBoolean().Match(message) is { Success: true } boolean)
        {
            return $"'{boolean.Groups["value"].Value}' is not true or false";
        }

        if (NotNumber().Match(message) is { Success: true } number)
        {
            return $"'{number.Groups["value"].Value}' is not a number";
        }

        if (message.StartsWith("Value was either too large or too small", StringComparison.Ordinal))
        {
            return "a number out of range";
        }

        if (NoDeserializer().Match(message) is { Success: true } noDeserializer)
        {
            return $"expected {Kind(noDeserializer.Groups["type"].Value)} here";
        }

        if (ExpectedEvent().Match(message) is { Success: true } expected)
        {
            return $"expected {Event(expected.Groups["expected"].Value)}, found {Event(expected.Groups["got"].Value)}";
        }

        if (InvalidCast().Match(message) is { Success: true } cast)
        {
            return $"expected {Kind(cast.Groups["to"].Value)}, found {Kind(cast.Groups["from"].Value)}";
        }

        if (UnresolvedTag().Match(message) is { Success: true } tag)
        {
            return $"unsupported tag '{tag.Groups["tag"].Value}'";
        }

        if (AliasFirst().Match(message) is { Success: true } alias)
        {
            var name = alias.Groups["name"].Value;
            return $"alias *{name} comes before its anchor &{name}";
        }

        // the parser's syntax messages name no types ("While parsing a node, did not find expected node content.")
        if (message.StartsWith("Exception during deserialization", StringComparison.Ordinal) || NamesAType().IsMatch(message))
        {
            return null;
        }

        var text = message.Split(" (Line: ")[0].Split(" (at Line: ")[0].TrimEnd('.', ' ');
        return text.Length == 0 ? null : $"not valid YAML: {char.ToLowerInvariant(text[0])}{text[1..]}";
    }

    private static string Kind(string typeName) => typeName switch
    {
        _ when typeName.Contains("List`", StringComparison.Ordinal) || typeName.EndsWith("[]", StringComparison.Ordinal) => "a list",
        _ when typeName.Contains("Dictionary`", StringComparison.Ordinal) => "a mapping",
        _ when typeName.StartsWith("System.String", StringComparison.Ordinal) => "a single value",
        _ when typeName.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        _ when typeName.StartsWith("System.", StringComparison.Ordinal) => "a number",
        _ => "a mapping of fields",
    };

    private static string Event(string name) => name switch
    {
        "MappingStart" => "a mapping",
        "SequenceStart" => "a list",
        "Scalar" => "a single value",
        "AnchorAlias" => "an alias",
        _ => "something else",
    };

    [GeneratedRegex(@"^Property '(?<name>[^']*)' not found on type")]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("^The value \"(?<value>.*)\" is not a valid YAML Boolean")]
    private static partial Regex NotBoolean();

    [GeneratedRegex("^The input string '(?<value>.*)' was not in a correct format")]
    private static partial Regex NotNumber();

    [GeneratedRegex("^No node deserializer was able to deserialize the node into type (?<type>[^,]+)")]
    private static partial Regex NoDeserializer();

    [GeneratedRegex(@"^Expected '(?<expected>\w+)', got '(?<got>\w+)'")]
    private static partial Regex ExpectedEvent();

    [GeneratedRegex("^Invalid cast from '(?<from>[^']*)' to '(?<to>[^']*)'")]
    private static partial Regex InvalidCast();

    [GeneratedRegex("^Encountered an unresolved tag '(?<tag>[^']*)'")]
    private static partial Regex UnresolvedTag();

    [GeneratedRegex(@"^Alias \$?(?<name>\S+) cannot precede anchor declaration")]
    private static partial Regex AliasFirst();

    [GeneratedRegex(@"System\.|Quanet\.|YamlDotNet|`\d|PublicKeyToken")]
    private static partial Regex NamesAType();
}
