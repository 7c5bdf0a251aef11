using System.Text.Json;
using Quanet.Core;

namespace Quanet.Cli.Commands.Secure;

/// <summary>
/// Reads PLAN_DIR/backhaul.geojson: a FeatureCollection of LineString features whose properties
/// hold at least "from", "to" (site ids) and "length_km".
/// </summary>
internal static class BackhaulReader
{
    public static List<BackhaulLink> Read(string path)
    {
        var name = Path.GetFileName(path);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(name, (int)(ex.LineNumber ?? -1) + 1, "not valid JSON: " + ex.Message.Split(" Path:")[0]);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                throw new InputFormatException(name, 0, "expected a GeoJSON FeatureCollection with a \"features\" array");
            }

            var links = new List<BackhaulLink>();
            var index = 0;
            foreach (var feature in features.EnumerateArray())
            {
                index++;
                links.Add(ReadFeature(feature, name, index));
            }

            return links;
        }
    }

    private static BackhaulLink ReadFeature(JsonElement feature, string name, int index)
    {
        string Where() => $"feature {index}";
        if (!feature.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object
            || !geometry.TryGetProperty("type", out var type) || type.GetString() != "LineString"
            || !geometry.TryGetProperty("coordinates", out var coordinates) || coordinates.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException(name, 0, $"{Where()}: expected a LineString geometry");
        }

        var points = new List<(double, double)>();
        foreach (var position in coordinates.EnumerateArray())
        {
            if (position.ValueKind != JsonValueKind.Array || position.GetArrayLength() < 2
                || !position[0].TryGetDouble(out var lon) || !position[1].TryGetDouble(out var lat))
            {
                throw new InputFormatException(name, 0, $"{Where()}: coordinates must be [lon, lat] number pairs");
            }

            points.Add((lon, lat));
        }

        if (points.Count < 2)
        {
            throw new InputFormatException(name, 0, $"{Where()}: a LineString needs at least two positions");
        }

        if (!feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            throw new InputFormatException(name, 0, $"{Where()}: missing \"properties\"");
        }

        var from = Id(properties, "from", name, Where());
        var to = Id(properties, "to", name, Where());
        if (!properties.TryGetProperty("length_km", out var length) || !length.TryGetDouble(out var km) || !double.IsFinite(km) || km < 0)
        {
            throw new InputFormatException(name, 0, $"{Where()} ({from} -> {to}): \"length_km\" must be a number >= 0");
        }

        return new BackhaulLink(from, to, km, points);
    }

    private static string Id(JsonElement properties, string key, string name, string where)
    {
        if (!properties.TryGetProperty(key, out var value))
        {
            throw new InputFormatException(name, 0, $"{where}: missing \"{key}\" site id");
        }

        return value.ValueKind switch
        {
            JsonValueKind.String when value.GetString() is { Length: > 0 } s => s,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw new InputFormatException(name, 0, $"{where}: \"{key}\" must be a site id (string or number)"),
        };
    }

    /// <summary>The point at <paramref name="fraction"/> of the way along the line (great-circle lengths).</summary>
    public static (double Lon, double Lat) Along(IReadOnlyList<(double Lon, double Lat)> line, double fraction)
    {
        var lengths = new double[line.Count - 1];
        var total = 0.0;
        for (var i = 0; i < lengths.Length; i++)
        {
            lengths[i] = Haversine(line[i], line[i + 1]);
            total += lengths[i];
        }

        var target = fraction * total;
        for (var i = 0; i < lengths.Length; i++)
        {
            if (target <= lengths[i] || i == lengths.Length - 1)
            {
                var t = lengths[i] == 0 ? 0 : Math.Clamp(target / lengths[i], 0, 1);
                return (line[i].Lon + (t * (line[i + 1].Lon - line[i].Lon)), line[i].Lat + (t * (line[i + 1].Lat - line[i].Lat)));
            }

            target -= lengths[i];
        }

        return line[^1];
    }

    private static double Haversine((double Lon, double Lat) a, (double Lon, double Lat) b)
    {
        const double radius = 6371.0088;
        var dLat = double.DegreesToRadians(b.Lat - a.Lat);
        var dLon = double.DegreesToRadians(b.Lon - a.Lon);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(double.DegreesToRadians(a.Lat)) * Math.Cos(double.DegreesToRadians(b.Lat)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
