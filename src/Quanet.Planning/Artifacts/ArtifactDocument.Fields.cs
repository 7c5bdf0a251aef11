using System.Text.Json;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Artifacts;

/// <summary>Typed field access for the features of an artifact, each failure naming the feature and its line.</summary>
public sealed partial class ArtifactDocument
{
    /// <summary>The <c>properties</c> object of <paramref name="feature"/>, or <c>default</c> when it has none.</summary>
    public static JsonElement Properties(JsonElement feature) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("properties", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;

    /// <summary>A string property, or <paramref name="fallback"/> when absent (numbers are taken as their text).</summary>
    public static string? Text(JsonElement properties, string key, string? fallback = null) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => fallback,
            }
            : fallback;

    /// <summary>An identifier property (non-empty string or number).</summary>
    /// <exception cref="Quanet.Core.InputFormatException">Absent or not an id.</exception>
    public string Id(int index, JsonElement properties, string key, string what) =>
        Text(properties, key) is { Length: > 0 } id ? id : throw Error(index, $"{what} needs an \"{key}\" property (a string or number)");

    /// <summary>A finite number property, or <paramref name="fallback"/> when absent (null: required).</summary>
    /// <exception cref="Quanet.Core.InputFormatException">Absent without fallback, or not a finite number.</exception>
    public double Number(int index, JsonElement properties, string key, double? fallback, string where = "")
    {
        if (properties.ValueKind != JsonValueKind.Object || !properties.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return fallback ?? throw Error(index, $"{where}\"{key}\" must be a number");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) && double.IsFinite(number)
            ? number
            : throw Error(index, $"{where}\"{key}\" must be a number");
    }

    /// <summary>A boolean property, or <paramref name="fallback"/> when absent.</summary>
    public bool Boolean(int index, JsonElement properties, string key, bool fallback) =>
        properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(key, out var value)
            ? value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => fallback,
                _ => throw Error(index, $"\"{key}\" must be true or false"),
            }
            : fallback;

    /// <summary>The geometry type of a feature, or null.</summary>
    public static string? GeometryType(JsonElement feature) =>
        feature.ValueKind == JsonValueKind.Object && feature.TryGetProperty("geometry", out var g) && g.ValueKind == JsonValueKind.Object
        && g.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;

    /// <summary>The position of a Point feature.</summary>
    /// <exception cref="Quanet.Core.InputFormatException">Not a Point with a [lon, lat] pair in range.</exception>
    public GeoPoint Point(int index, JsonElement feature, string what)
    {
        if (GeometryType(feature) != "Point")
        {
            throw Error(index, $"{what} needs a Point geometry [lon, lat]");
        }

        return Position(index, feature.GetProperty("geometry").TryGetProperty("coordinates", out var c) ? c : default);
    }

    /// <summary>The positions of a LineString feature (at least two).</summary>
    /// <exception cref="Quanet.Core.InputFormatException">Not a LineString of [lon, lat] pairs in range.</exception>
    public IReadOnlyList<GeoPoint> Line(int index, JsonElement feature, string what)
    {
        if (GeometryType(feature) != "LineString" || !feature.GetProperty("geometry").TryGetProperty("coordinates", out var coordinates)
            || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw Error(index, $"{what} needs a LineString geometry");
        }

        var points = new List<GeoPoint>();
        foreach (var position in coordinates.EnumerateArray())
        {
            points.Add(Position(index, position));
        }

        return points.Count >= 2 ? points : throw Error(index, "a LineString needs at least two positions");
    }

    private GeoPoint Position(int index, JsonElement position)
    {
        if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
            || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
        {
            throw Error(index, "coordinates must be [lon, lat] number pairs");
        }

        var point = new GeoPoint(lat, lon);
        return point.IsValid ? point : throw Error(index, $"coordinates out of range: lat {lat}, lon {lon}");
    }
}
