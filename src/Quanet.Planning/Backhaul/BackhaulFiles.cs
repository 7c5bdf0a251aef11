using System.Globalization;
using Quanet.Core;

namespace Quanet.Planning.Backhaul;

/// <summary>
/// Input files of the backhaul designer: PoPs from a CSV <c>id,lat,lon</c> or the largest places of GeoNames CSVs
/// (given, or the embedded ones), existing fibre from a CSV <c>from,to</c> of node ids. The plan's sites and the
/// design are plan-directory artifacts (<see cref="Artifacts.PlanGeoJsonReader"/>, <see cref="Artifacts.BackhaulGeoJsonWriter"/>).
/// </summary>
public static class BackhaulFiles
{
    /// <summary>Reads PoPs from a CSV with the header <c>id,lat,lon</c>.</summary>
    public static List<BackhaulNode> ReadPops(string csv)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var pops = new List<BackhaulNode>();
        foreach (var (line, cells) in Rows(csv, () => new StreamReader(csv), ["id", "lat", "lon"]))
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
        foreach (var (_, cells) in Rows(csv, () => new StreamReader(csv), ["from", "to"]))
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
        return LargestPlaces(placeFiles.Select(f => (f, (Func<TextReader>)(() => new StreamReader(f)))), sites, count);
    }

    /// <summary>
    /// The <paramref name="count"/> most populous places of the embedded GeoNames data (every country, in
    /// <see cref="Geography.EmbeddedData.Countries"/> order) around the sites, as <see cref="LargestPlaces(IEnumerable{string}, IReadOnlyList{BackhaulNode}, int)"/>.
    /// </summary>
    public static List<BackhaulNode> LargestPlaces(IReadOnlyList<BackhaulNode> sites, int count) =>
        LargestPlaces(Geography.EmbeddedData.Countries.Select(c => ($"places-{c}.csv", (Func<TextReader>)(() => new StreamReader(Geography.EmbeddedData.OpenPlaces(c))))), sites, count);

    private static List<BackhaulNode> LargestPlaces(IEnumerable<(string Name, Func<TextReader> Open)> sources, IReadOnlyList<BackhaulNode> sites, int count)
    {
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
        foreach (var (file, open) in sources)
        {
            foreach (var (line, cells) in Rows(file, open, ["geonames_id", "name", "country", "admin1", "feature_code", "population", "lat", "lon"]))
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

    private static IEnumerable<(int Line, string[] Cells)> Rows(string path, Func<TextReader> open, string[] header)
    {
        using var reader = open();
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
