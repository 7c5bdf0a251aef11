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

    /// <summary>The longest window a rule may set, seconds (a year: longer would overflow the clock arithmetic).</summary>
    public const double MaxSeconds = 366 * 24 * 3600;

    /// <summary>The largest count a rule may set (thresholds, warm-up windows).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>A window in seconds, from <paramref name="min"/> to <see cref="MaxSeconds"/>.</summary>
    public TimeSpan Seconds(string name, double fallback, double min = 1) => TimeSpan.FromSeconds(Number(name, fallback, min, MaxSeconds));

    /// <summary>A whole count from <paramref name="min"/> to <see cref="MaxCount"/> (a fraction is cut off).</summary>
    public int Count(string name, int fallback, int min) => (int)Number(name, fallback, min, MaxCount);

    public double Number(string name, double? fallback = null, double min = double.NegativeInfinity, double max = double.PositiveInfinity)
    {
        if (!Has(name) && fallback is { } f)
        {
            return f;
        }

        if (!Get(name, JsonValueKind.Number).TryGetDouble(out var v) || !double.IsFinite(v))
        {
            throw new RuleParameterException($"'{name}' must be a finite number");
        }

        return v < min ? throw new RuleParameterException($"'{name}' must be at least {min}")
            : v > max ? throw new RuleParameterException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"'{name}' must be at most {max}"))
            : v;
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
