using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>
/// D-Wave dimod's serializable BQM (<c>BinaryQuadraticModel.to_serializable()</c>, <c>bqm_schema</c> 3.0.0):
/// <c>variable_labels</c>, <c>variable_type</c>, <c>offset</c>, <c>linear_biases</c>, and the
/// parallel arrays <c>quadratic_head</c>, <c>quadratic_tail</c>, <c>quadratic_biases</c>.
/// </summary>
public static class DimodJsonFormat
{
    /// <summary>Reads a model from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its length, the JSON
    /// nesting depth and the variable count.</param>
    /// <exception cref="InputFormatException">Not a valid dimod BQM document, or it breaks a limit.</exception>
    public static BinaryQuadraticModel Parse(string json, string fileName, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        limits ??= FormatLimits.Default;
        limits.RequireInputSize(json.Length, fileName);
        JsonObject obj;
        try
        {
            // duplicate properties are rejected here, not later when a member is first looked up
            var options = new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth, AllowDuplicateProperties = false };
            obj = JsonNode.Parse(json, documentOptions: options) as JsonObject
                ?? throw new InputFormatException(fileName, 0, "expected a JSON object holding a dimod BQM");
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(fileName, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON: {FirstSentence(ex.Message)}");
        }

        if (obj["type"] is { } typeNode && Text(typeNode) is var type && type != "BinaryQuadraticModel")
        {
            throw new InputFormatException(fileName, 0, $"expected \"type\": \"BinaryQuadraticModel\", found {Quote(typeNode)}");
        }

        var vartype = obj["variable_type"] is { } vartypeNode ? Text(vartypeNode) : null;
        var resolved = vartype switch
        {
            "BINARY" => Vartype.Binary,
            "SPIN" => Vartype.Spin,
            _ => throw new InputFormatException(fileName, 0, $"expected \"variable_type\" BINARY or SPIN, found {(obj["variable_type"] is { } n ? Quote(n) : "nothing")}"),
        };
        var labels = Array(obj, "variable_labels", fileName);
        var linear = Array(obj, "linear_biases", fileName);
        if (linear.Count != labels.Count)
        {
            throw new InputFormatException(fileName, 0, $"{labels.Count} variable_labels but {linear.Count} linear_biases");
        }

        limits.RequireVariables(labels.Count, fileName, 0, "variable_labels");

        var builder = new BqmBuilder(resolved);
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i] switch
            {
                JsonValue v when v.TryGetValue<string>(out var s) => s,
                JsonValue v when v.TryGetValue<long>(out var l) => l.ToString(CultureInfo.InvariantCulture),
                JsonNode node => node.ToJsonString(),
                null => throw new InputFormatException(fileName, 0, $"variable_labels[{i}] is null"),
            };
            if (builder.IndexOf(label) >= 0)
            {
                throw new InputFormatException(fileName, 0, $"variable label '{FormatReader.Shorten(label)}' appears twice");
            }

            builder.AddVariable(label);
            builder.AddLinear(i, Number(linear[i], $"linear_biases[{i}]", fileName));
        }

        var head = obj["quadratic_head"] is null ? [] : Array(obj, "quadratic_head", fileName);
        var tail = obj["quadratic_tail"] is null ? [] : Array(obj, "quadratic_tail", fileName);
        var biases = obj["quadratic_biases"] is null ? [] : Array(obj, "quadratic_biases", fileName);
        if (head.Count != tail.Count || head.Count != biases.Count)
        {
            throw new InputFormatException(fileName, 0, "quadratic_head, quadratic_tail and quadratic_biases must have equal lengths");
        }

        for (var k = 0; k < head.Count; k++)
        {
            var u = Index(head[k], $"quadratic_head[{k}]", labels.Count, fileName);
            var v = Index(tail[k], $"quadratic_tail[{k}]", labels.Count, fileName);
            builder.AddQuadratic(u, v, Number(biases[k], $"quadratic_biases[{k}]", fileName));
        }

        if (obj["offset"] is { } offset)
        {
            builder.AddOffset(Number(offset, "offset", fileName));
        }

        return FormatReader.RequireFinite(builder.Build(), fileName);
    }

    /// <summary>Reads a model file, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">Not a valid dimod BQM document, or it breaks a limit.</exception>
    public static BinaryQuadraticModel Read(string path, FormatLimits? limits = null)
    {
        limits ??= FormatLimits.Default;
        return Parse(limits.ReadAllText(path), path, limits);
    }

    /// <summary>Writes <paramref name="model"/> as dimod serializable JSON.</summary>
    public static string Format(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var labels = new JsonArray();
        var integerLabels = true;
        for (var i = 0; i < model.VariableCount; i++)
        {
            integerLabels &= model.Labels[i] == i.ToString(CultureInfo.InvariantCulture);
        }

        for (var i = 0; i < model.VariableCount; i++)
        {
            labels.Add(integerLabels ? JsonValue.Create(i) : JsonValue.Create(model.Labels[i]));
        }

        var linear = new JsonArray();
        foreach (var h in model.Linear)
        {
            linear.Add(h);
        }

        var head = new JsonArray();
        var tail = new JsonArray();
        var biases = new JsonArray();
        foreach (var (i, j, w) in model.Interactions())
        {
            head.Add(i);
            tail.Add(j);
            biases.Add(w);
        }

        var doc = new JsonObject
        {
            ["type"] = "BinaryQuadraticModel",
            ["version"] = new JsonObject { ["bqm_schema"] = "3.0.0" },
            ["use_bytes"] = false,
            ["index_type"] = "int32",
            ["bias_type"] = "float64",
            ["num_variables"] = model.VariableCount,
            ["num_interactions"] = model.InteractionCount,
            ["variable_labels"] = labels,
            ["variable_type"] = model.Vartype == Vartype.Binary ? "BINARY" : "SPIN",
            ["offset"] = model.Offset,
            ["info"] = new JsonObject(),
            ["linear_biases"] = linear,
            ["quadratic_biases"] = biases,
            ["quadratic_head"] = head,
            ["quadratic_tail"] = tail,
        };
        return doc.ToJsonString(new JsonSerializerOptions { WriteIndented = false });
    }

    // the text of a JSON string, or null for any other kind of value (GetValue<string> would throw on a number)
    private static string? Text(JsonNode node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Quote(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"\"{FormatReader.Shorten(node.GetValue<string>())}\"",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        var kind => $"a {kind.ToString().ToLowerInvariant()}",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message.TrimEnd('.');
    }

    private static JsonArray Array(JsonObject obj, string name, string fileName) =>
        obj[name] as JsonArray ?? throw new InputFormatException(fileName, 0, $"expected \"{name}\" to be an array");

    private static double Number(JsonNode? node, string what, string fileName)
    {
        if (node is JsonValue v && v.TryGetValue<double>(out var d) && double.IsFinite(d))
        {
            return d;
        }

        throw new InputFormatException(fileName, 0, $"expected {what} to be a finite number");
    }

    private static int Index(JsonNode? node, string what, int count, string fileName)
    {
        if (node is JsonValue v && v.TryGetValue<int>(out var i) && i >= 0 && i < count)
        {
            return i;
        }

        throw new InputFormatException(fileName, 0, $"expected {what} to be a variable index in [0, {count})");
    }
}
