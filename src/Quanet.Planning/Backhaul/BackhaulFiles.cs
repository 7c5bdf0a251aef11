using System.Globalization;
using System.Text.Json;
using Quanet.Core;

namespace Quanet.Planning.Backhaul;

/// <summary>
/// Files of the backhaul designer: sites from a plan's <c>plan.geojson</c> (Point features with
/// <c>kind: "site"</c> and <c>id</c>), PoPs from a CSV <c>id,lat,lon</c> or the largest places of a GeoNames
/// CSV, existing fibre from a CSV <c>from,to</c> of node ids, and the design as <c>backhaul.geojson</c>.
/// </summary>
public static class BackhaulFiles
{
    /// <summary>Reads the sites of a plan GeoJSON.</summary>
    /// <exception cref="InputFormatException">The file is not a FeatureCollection of valid features.</exception>
    public static List<BackhaulNode> ReadSites(string planGeoJson)
    {
        ArgumentNullException.ThrowIfNull(planGeoJson);
        using var doc = Parse(planGeoJson);
        var sites = new List<BackhaulNode>();
        if (!doc.RootElement.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
        {
            throw new InputFormatException(planGeoJson, 0, "expected a GeoJSON FeatureCollection with 'features'");
        }

        var k = 0;
        foreach (var f in features.EnumerateArray())
        {
            k++;
            if (!f.TryGetProperty("properties", out var props) || props.ValueKind != JsonValueKind.Object ||
                !props.TryGetProperty("kind", out var kind) || kind.ValueKind != JsonValueKind.String || kind.GetString() != "site")
            {
                continue;
            }

            if (!props.TryGetProperty("id", out var id) || id.ValueKind is not (JsonValueKind.String or JsonValueKind.Number))
            {
                throw new InputFormatException(planGeoJson, 0, $"feature {k}: a site needs an 'id' property");
            }

            if (!f.TryGetProperty("geometry", out var geometry) || geometry.ValueKind != JsonValueKind.Object ||
                !geometry.TryGetProperty("type", out var type) || type.GetString() != "Point" ||
                !geometry.TryGetProperty("coordinates", out var c) || c.ValueKind != JsonValueKind.Array || c.GetArrayLength() < 2 ||
                c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
            {
                throw new InputFormatException(planGeoJson, 0, $"feature {k}: a site needs a Point geometry [lon, lat]");
            }

            double lon = c[0].GetDouble(), lat = c[1].GetDouble();
            CheckLatLon(planGeoJson, 0, lat, lon);
            sites.Add(new BackhaulNode(id.ValueKind == JsonValueKind.String ? id.GetString()! : id.GetRawText(), lat, lon));
        }

        return sites;
    }

    /// <summary>Reads PoPs from a CSV with the header <c>id,lat,lon</c>.</summary>
    public static List<BackhaulNode> ReadPops(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var pops = new List<BackhaulNode>();
        foreach (var (line, cells) in Rows(csv, ["id", "lat", "lon"]))
        {
            var lat = Number(csv, line, cells[1], "lat");
            var lon = Number(csv, line, cells[2], "lon");
            CheckLatLon(csv, line, lat, lon);
            pops.Add(new BackhaulNode(cells[0], lat, lon));
        }

        return pops;
    }

    /// <summary>Reads existing fibre as a CSV with the header <c>from,to</c> (site or PoP ids).</summary>
    public static List<(string A, string B)> ReadExistingFibre(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var pairs = new List<(string A, string B)>();
        foreach (var (_, cells) in Rows(csv, ["from", "to"]))
        {
            pairs.Add((cells[0], cells[1]));
        }

        return pairs;
    }

    /// <summary>
    /// The <paramref name="count"/> most populous places of GeoNames CSVs (<c>geonames_id,name,country,admin1,
    /// feature_code,population,lat,lon</c>) inside the sites' bounding box widened by 10%, as PoPs named after them.
    /// </summary>
    public static List<BackhaulNode> LargestPlaces(IEnumerable<string> placeFiles, IReadOnlyList<BackhaulNode> sites, int count)
    {
        ArgumentNullException.ThrowIfNull(placeFiles);
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        double minLat = double.MaxValue, maxLat = double.MinValue, minLon = double.MaxValue, maxLon = double.MinValue;
        foreach (var s in sites)
        {
            (minLat, maxLat) = (Math.Min(minLat, s.Lat), Math.Max(maxLat, s.Lat));
            (minLon, maxLon) = (Math.Min(minLon, s.Lon), Math.Max(maxLon, s.Lon));
        }

        var padLat = Math.Max(0.05, 0.1 * (maxLat - minLat));
        var padLon = Math.Max(0.05, 0.1 * (maxLon - minLon));
        var places = new List<(long Population, BackhaulNode Node)>();
        foreach (var file in placeFiles)
        {
            foreach (var (line, cells) in Rows(file, ["geonames_id", "name", "country", "admin1", "feature_code", "population", "lat", "lon"]))
            {
                var lat = Number(file, line, cells[6], "lat");
                var lon = Number(file, line, cells[7], "lon");
                if (lat < minLat - padLat || lat > maxLat + padLat || lon < minLon - padLon || lon > maxLon + padLon)
                {
                    continue;
                }

                var population = (long)Number(file, line, cells[5], "population");
                places.Add((population, new BackhaulNode("pop-" + cells[1], lat, lon)));
            }
        }

        places.Sort((a, b) => b.Population.CompareTo(a.Population));
        var result = new List<BackhaulNode>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (_, node) in places)
        {
            if (result.Count == count)
            {
                break;
            }

            if (names.Add(node.Id))
            {
                result.Add(node);
            }
        }

        return result;
    }

    /// <summary>Writes the design as a GeoJSON FeatureCollection of LineStrings.</summary>
    public static void WriteGeoJson(BackhaulDesign design, string path)
    {
        ArgumentNullException.ThrowIfNull(design);
        ArgumentNullException.ThrowIfNull(path);
        using var stream = File.Create(path);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var link in design.Links)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("geometry");
            w.WriteString("type", "LineString");
            w.WriteStartArray("coordinates");
            foreach (var (lon, lat) in (ReadOnlySpan<(double, double)>)[(link.FromLon, link.FromLat), (link.ToLon, link.ToLat)])
            {
                w.WriteStartArray();
                w.WriteNumberValue(Math.Round(lon, 6));
                w.WriteNumberValue(Math.Round(lat, 6));
                w.WriteEndArray();
            }

            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteStartObject("properties");
            w.WriteString("kind", "backhaul");
            w.WriteString("from", link.From);
            w.WriteString("to", link.To);
            w.WriteNumber("length_km", Math.Round(link.LengthKm, 3));
            w.WriteNumber("cost", Math.Round(link.Cost, 3));
            w.WriteBoolean("existing", link.Existing);
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static JsonDocument Parse(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException ex)
        {
            throw new InputFormatException(path, (int)(ex.LineNumber ?? -1) + 1, $"invalid JSON: {ex.Message}");
        }
    }

    private static IEnumerable<(int Line, string[] Cells)> Rows(string path, string[] header)
    {
        using var reader = new StreamReader(path);
        var first = reader.ReadLine() ?? throw new InputFormatException(path, 1, $"empty file, expected the header '{string.Join(',', header)}'");
        var names = first.Split(',');
        var columns = new int[header.Length];
        for (var i = 0; i < header.Length; i++)
        {
            columns[i] = Array.FindIndex(names, n => n.Trim().Equals(header[i], StringComparison.OrdinalIgnoreCase));
            if (columns[i] < 0)
            {
                throw new InputFormatException(path, 1, $"missing column '{header[i]}' (expected header '{string.Join(',', header)}')");
            }
        }

        var line = 1;
        string? text;
        while ((text = reader.ReadLine()) != null)
        {
            line++;
            if (text.Trim().Length == 0)
            {
                continue;
            }

            var cells = text.Split(',');
            var picked = new string[header.Length];
            for (var i = 0; i < header.Length; i++)
            {
                if (columns[i] >= cells.Length)
                {
                    throw new InputFormatException(path, line, $"expected {names.Length} columns, found {cells.Length}");
                }

                picked[i] = cells[columns[i]].Trim();
            }

            yield return (line, picked);
        }
    }

    private static double Number(string path, int line, string text, string what)
    {
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            throw new InputFormatException(path, line, $"expected a number for '{what}', found '{text}'");
        }

        return value;
    }

    private static void CheckLatLon(string path, int line, double lat, double lon)
    {
        if (lat is < -90 or > 90 || lon is < -180 or > 180)
        {
            throw new InputFormatException(path, line, $"coordinates out of range: lat {lat}, lon {lon}");
        }
    }
}
