using System.Globalization;
using System.Text.Json;
using Quanet.Core;
using Quanet.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Quanet.Defence.Rules;

/// <summary>
/// Loads rules from JSON or YAML (<c>{"rules": [{"id", "kind", "explanation", "severity", "confidence", "enabled", "params"}]}</c>).
/// Every rule is compiled on load, so a bad parameter is reported with the file and rule id before it is used.
/// </summary>
public static class RuleSetLoader
{
    /// <summary>The largest rule file <see cref="Load"/> reads, bytes (1 MiB; the shipped rules are about 5 KiB).</summary>
    public const int MaxFileBytes = 1 << 20;

    /// <summary>
    /// The most nodes a YAML rule file may expand to, each alias counting the whole node it refers to (the shipped
    /// rules have about 150): aliases are allowed, a "billion laughs" of nested aliases is not.
    /// </summary>
    public const int MaxYamlNodes = 100_000;

    /// <summary>
    /// The deepest nesting of mappings and sequences a YAML rule file may have, aliases followed (the shipped rules have 4;
    /// YAML's own serializer stops at 50, and its deserializer needs about 16 KiB of stack a level).
    /// </summary>
    public const int MaxYamlDepth = 32;

    /// <summary>Loads and validates a rule file (<c>.json</c>, <c>.yaml</c> or <c>.yml</c>).</summary>
    /// <exception cref="InputFormatException">The file or a rule is malformed, or the file exceeds <see cref="MaxFileBytes"/> or <see cref="MaxYamlNodes"/>.</exception>
    public static RuleSet Load(string path, int version = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new QuanetException($"{path}: rule file not found");
        }

        var text = ReadBounded(path);
        var yaml = path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase);
        return Parse(yaml ? YamlToJson(text, path) : text, path, version);
    }

    /// <summary>The rules shipped with Quanet (GSMA FS.11, BGP, command, flow and IDS rules).</summary>
    public static RuleSet Default()
    {
        using var stream = typeof(RuleSetLoader).Assembly.GetManifestResourceStream("Quanet.Defence.default-rules.json")
            ?? throw new InvalidOperationException("the default rules resource is missing from the assembly");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "default-rules.json", 1);
    }

    /// <summary>Parses and validates rules from JSON text.</summary>
    /// <exception cref="InputFormatException">The text or a rule is malformed.</exception>
    public static RuleSet Parse(string json, string fileName, int version = 1)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON: {ex.Message}");
        }

        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("rules", out var array) || array.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException(fileName, 0, "expected an object with a \"rules\" array");
            }

            var rules = new List<DetectionRule>();
            var index = 0;
            foreach (var element in array.EnumerateArray())
            {
                rules.Add(ParseRule(element, fileName, index++));
            }

            RuleSet set;
            try
            {
                set = new RuleSet(rules, version);
            }
            catch (ArgumentException ex)
            {
                throw new InputFormatException(fileName, 0, ex.Message);
            }

            CheckPatternBudget(set, fileName);
            foreach (var rule in set.Rules)
            {
                try
                {
                    DetectorFactory.Create(rule);
                }
                catch (RuleParameterException ex)
                {
                    throw new InputFormatException(fileName, 0, $"rule '{rule.Id}': {ex.Message}");
                }
            }

            return set;
        }
    }

    // before any pattern is compiled: their total size bounds the memory the regular-expression engine takes
    private static void CheckPatternBudget(RuleSet set, string fileName)
    {
        var total = 0;
        foreach (var rule in set.Rules)
        {
            if (rule.Parameters.ValueKind == JsonValueKind.Object && rule.Parameters.TryGetProperty("patterns", out var patterns) && patterns.ValueKind == JsonValueKind.Array)
            {
                foreach (var p in patterns.EnumerateArray())
                {
                    total += p.ValueKind == JsonValueKind.String ? p.GetString()!.Length : 0;
                }
            }
        }

        if (total > Detectors.CommandFromInterconnectDetector.MaxTotalPatternLength)
        {
            throw new InputFormatException(fileName, 0, $"the rules' patterns hold {total} characters together, more than the limit of {Detectors.CommandFromInterconnectDetector.MaxTotalPatternLength}");
        }
    }

    private static DetectionRule ParseRule(JsonElement e, string fileName, int index)
    {
        string Text(string name) =>
            e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && v.GetString() is { Length: > 0 } s
                ? s
                : throw new InputFormatException(fileName, 0, $"rules[{index}]: expected a non-empty string \"{name}\"");

        if (e.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException(fileName, 0, $"rules[{index}]: expected an object");
        }

        var id = Text("id");
        var severity = Severity.Medium;
        if (e.TryGetProperty("severity", out var sev) && (sev.ValueKind != JsonValueKind.String || !Enum.TryParse(sev.GetString(), ignoreCase: true, out severity)))
        {
            throw new InputFormatException(fileName, 0, $"rule '{id}': severity must be info, low, medium, high or critical");
        }

        var confidence = 0.5;
        if (e.TryGetProperty("confidence", out var conf) && (conf.ValueKind != JsonValueKind.Number || !conf.TryGetDouble(out confidence) || confidence is < 0 or > 1))
        {
            throw new InputFormatException(fileName, 0, $"rule '{id}': confidence must be a number in [0, 1]");
        }

        var enabled = !e.TryGetProperty("enabled", out var en) || en.ValueKind != JsonValueKind.False;
        var parameters = e.TryGetProperty("params", out var p) ? p.Clone() : JsonDocument.Parse("{}").RootElement.Clone();
        return new DetectionRule
        {
            Id = id,
            Kind = Text("kind"),
            Explanation = Text("explanation"),
            Severity = severity,
            Confidence = confidence,
            Enabled = enabled,
            Parameters = parameters,
        };
    }

    // reads at most one byte past the limit, so neither a huge file nor an endless device is read whole
    private static string ReadBounded(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[MaxFileBytes + 1];
        var length = 0;
        int read;
        while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
        {
            length += read;
        }

        if (length > MaxFileBytes)
        {
            throw new InputFormatException(path, 0, $"larger than {MaxFileBytes} bytes, the limit for rule files");
        }

        using var reader = new StreamReader(new MemoryStream(buffer, 0, length), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static string YamlToJson(string yaml, string fileName)
    {
        try
        {
            // the limits are checked in a flat pass over the events before anything recursive runs: the deserializer
            // recurses a level per nesting and wraps an exception at every level, so a limit hit deep inside it
            // overflowed a thread's 1 MiB stack at 64 levels, which kills the process
            var scan = new ExpansionLimitingParser(new Parser(new StringReader(yaml)), MaxYamlNodes);
            while (scan.MoveNext())
            {
            }

            var graph = new DeserializerBuilder().WithDuplicateKeyChecking().Build().Deserialize<object>(new Parser(new StringReader(yaml)));
            return new SerializerBuilder().JsonCompatible().Build().Serialize(Normalise(graph));
        }
        catch (RuleFileLimitException ex)
        {
            throw new InputFormatException(fileName, (int)ex.Line, ex.Message);
        }
        catch (YamlException ex) when (ex.InnerException is RuleFileLimitException limit)
        {
            throw new InputFormatException(fileName, (int)limit.Line, limit.Message);
        }
        catch (YamlException ex)
        {
            throw new InputFormatException(fileName, (int)ex.Start.Line, YamlErrorText.Describe(ex));
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or OverflowException or InvalidOperationException)
        {
            // YamlDotNet's parser throws these for some malformed input (e.g. a tag that is not a URI): still the file's fault
            var text = ex.Message;
            var parameter = text.IndexOf(" (Parameter '", StringComparison.Ordinal);
            throw new InputFormatException(fileName, 0, $"not valid YAML: {(parameter > 0 ? text[..parameter] : text)}");
        }
    }

    // JSON object keys are strings: a list or mapping as a key, or one key twice, is the file's mistake
    private static Dictionary<string, object?> Map(Dictionary<object, object> map, int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in map)
        {
            if (key is not string name)
            {
                throw new RuleFileLimitException(0, "a mapping key is a list or a mapping; keys must be plain values");
            }

            if (!result.TryAdd(name, Normalise(value, depth + 1)))
            {
                throw new RuleFileLimitException(0, $"key '{Printable.Escape(name, 60)}' appears twice in one mapping");
            }
        }

        return result;
    }

    // YAML scalars arrive as strings: give numbers and booleans back their JSON types
    // (depth-limited: an alias inside the node it names, "- &r {x: *r}", deserializes to a cycle that would recurse
    // until the stack overflows and the process dies)
    private static object? Normalise(object? node, int depth = 0) => node switch
    {
        Dictionary<object, object> or List<object> when depth >= MaxYamlDepth =>
            throw new RuleFileLimitException(0, $"nested deeper than {MaxYamlDepth} levels, or an alias refers to a node that contains it"),
        Dictionary<object, object> map => Map(map, depth),
        List<object> list => list.Select(item => Normalise(item, depth + 1)).ToList(),
        string s when long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        string s when double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d) => d,
        "true" => true,
        "false" => false,
        _ => node,
    };
}
