using System.Text.Json;

namespace Quanet.Defence.Rules;

/// <summary>Typed access to a rule's <c>params</c> object, with errors naming the parameter.</summary>
internal readonly struct RuleParameters(JsonElement element)
{
    public IReadOnlyList<string> Strings(string name)
    {
        var array = Get(name, JsonValueKind.Array);
        var list = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : throw new RuleParameterException($"'{name}' must hold strings"));
        }

        return list.Count > 0 ? list : throw new RuleParameterException($"'{name}' must not be empty");
    }

    public IReadOnlyList<int> Integers(string name)
    {
        var array = Get(name, JsonValueKind.Array);
        var list = new List<int>();
        foreach (var item in array.EnumerateArray())
        {
            list.Add(item.ValueKind == JsonValueKind.Number && item.TryGetInt32(out var i) ? i : throw new RuleParameterException($"'{name}' must hold integers"));
        }

        return list;
    }

    public double Number(string name, double? fallback = null, double min = double.NegativeInfinity)
    {
        if (!Has(name) && fallback is { } f)
        {
            return f;
        }

        if (!Get(name, JsonValueKind.Number).TryGetDouble(out var v) || !double.IsFinite(v))
        {
            throw new RuleParameterException($"'{name}' must be a finite number");
        }

        return v >= min ? v : throw new RuleParameterException($"'{name}' must be at least {min}");
    }

    public Dictionary<string, (double Lat, double Lon)> Coordinates(string name)
    {
        var obj = Get(name, JsonValueKind.Object);
        var map = new Dictionary<string, (double, double)>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in obj.EnumerateObject())
        {
            if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() != 2
                || !Degrees(p.Value[0], 90, out var lat) || !Degrees(p.Value[1], 180, out var lon))
            {
                throw new RuleParameterException($"'{name}.{p.Name}' must be [lat, lon] in degrees");
            }

            map[p.Name] = (lat, lon);
        }

        return map;
    }

    // a coordinate is a number of degrees within +-limit (infinity, from 1e999, is not)
    private static bool Degrees(JsonElement e, double limit, out double degrees)
    {
        degrees = 0;
        return e.ValueKind == JsonValueKind.Number && e.TryGetDouble(out degrees) && Math.Abs(degrees) <= limit;
    }

    private bool Has(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    private JsonElement Get(string name, JsonValueKind kind) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var v) && v.ValueKind == kind
            ? v
            : throw new RuleParameterException($"parameter '{name}' must be a {kind.ToString().ToLowerInvariant()}");
}
