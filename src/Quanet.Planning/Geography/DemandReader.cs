using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>
/// Reads user demand: CSV with columns <c>lat,lon</c> and <c>population</c> or <c>weight</c> (optional <c>id</c>, <c>name</c>),
/// or GeoJSON Point features with a <c>population</c> or <c>weight</c> property (optional <c>id</c>, <c>name</c>).
/// Rows at the same location are one demand point whose weight is their sum, keeping the first row's id and name.
/// </summary>
public static class DemandReader
{
    /// <summary>Reads a demand file; the format follows the extension (.geojson/.json or CSV).</summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its size and JSON depth.</param>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit.</exception>
    public static IReadOnlyList<DemandPoint> ReadFile(string path, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= FormatLimits.Default;
        var name = Path.GetFileName(path);
        if (PointFileReader.IsGeoJson(path))
        {
            return ReadGeoJson(limits.ReadAllBytes(path), name, limits);
        }

        using var reader = limits.OpenText(path);
        return ReadCsv(reader, name);
    }

    /// <summary>Reads CSV demand.</summary>
    public static IReadOnlyList<DemandPoint> ReadCsv(TextReader reader, string file)
    {
        var table = CsvTable.Open(reader, file, "lat", "lon");
        var weightColumn = table.Has("population") ? "population" : table.Has("weight") ? "weight"
            : throw new InputFormatException(file, 1, "missing column 'population' or 'weight'");
        var result = new DemandMerger();
        while (table.Next())
        {
            var row = result.NextRow();
            var weight = table.Number(weightColumn);
            if (weight < 0)
            {
                throw table.Error($"{weightColumn} {weight} is negative");
            }

            var id = table.Text("id");
            id = id.Length > 0 ? id : "d" + row.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = table.Text("name");
            result.Add(id, name.Length > 0 ? name : id, weight, table.Location(), table.Error);
        }

        return result.Points;
    }

    /// <summary>Reads GeoJSON demand, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The document is malformed or breaks a limit.</exception>
    public static IReadOnlyList<DemandPoint> ReadGeoJson(byte[] utf8, string file, FormatLimits? limits = null)
    {
        var geo = GeoJsonFile.Parse(utf8, file, limits);
        var result = new DemandMerger();
        for (var i = 0; i < geo.Features.Count; i++)
        {
            var attributes = geo.Features[i].Attributes;
            var location = PointFileReader.PointOf(geo, i);
            var weight = attributes is not null && attributes.Exists("population")
                ? geo.Number(i, attributes, "population", null)
                : geo.Number(i, attributes, "weight", null);
            if (weight < 0)
            {
                throw geo.Error(i, $"weight {weight} is negative");
            }

            var id = GeoJsonFile.Text(attributes, "id", "d" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            result.Add(id, GeoJsonFile.Text(attributes, "name", id), weight, location, reason => geo.Error(i, reason));
        }

        return result.Points;
    }
}
