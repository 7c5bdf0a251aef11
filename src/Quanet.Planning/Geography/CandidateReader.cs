using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Core.Units;

namespace Quanet.Planning.Geography;

/// <summary>
/// Reads user candidate sites: CSV with columns <c>id,lat,lon,cost,height</c> and optional <c>name</c> and
/// <c>flag</c> (<see cref="CandidateFlag"/>: free, fixed, forbidden or existing), or GeoJSON Point features with the same properties.
/// A blank cost defaults to 1 and a blank height to the default height given to the reader.
/// </summary>
public static class CandidateReader
{
    /// <summary>Reads a candidate file; the format follows the extension: .geojson/.json, .gpkg (a point layer), .shp, else CSV.</summary>
    /// <param name="path">The file.</param>
    /// <param name="defaultHeight">The height of a site whose height is blank.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its size and JSON depth.</param>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit.</exception>
    public static IReadOnlyList<CandidateSite> ReadFile(string path, Metres defaultHeight, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= FormatLimits.Default;
        var name = Path.GetFileName(path);
        switch (Path.GetExtension(path).ToLowerInvariant())
        {
            case ".gpkg":
                return CandidateLayerReader.ReadGeoPackage(path, defaultHeight);
            case ".shp":
                return CandidateLayerReader.ReadShapefile(path, defaultHeight, limits);
        }

        if (PointFileReader.IsGeoJson(path))
        {
            return ReadGeoJson(limits.ReadAllBytes(path), name, defaultHeight, limits);
        }

        using var reader = limits.OpenText(path);
        return ReadCsv(reader, name, defaultHeight);
    }

    /// <summary>Reads CSV candidates.</summary>
    public static IReadOnlyList<CandidateSite> ReadCsv(TextReader reader, string file, Metres defaultHeight)
    {
        var table = CsvTable.Open(reader, file, "id", "lat", "lon");
        var result = new List<CandidateSite>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (table.Next())
        {
            var id = table.Text("id");
            if (id.Length == 0 || !ids.Add(id))
            {
                throw table.Error(id.Length == 0 ? "empty id" : $"duplicate id '{Printable.Escape(id)}'");
            }

            var location = table.Location();
            var cost = table.Number("cost", 1.0);
            var height = table.Number("height", defaultHeight.Value);
            var problem = Check(cost, height);
            if (problem is not null)
            {
                throw table.Error(problem);
            }

            var flag = CandidateFlag.Parse(table.Text("flag")) ?? throw table.Error($"flag '{Printable.Escape(table.Text("flag"))}' is not {CandidateFlag.Expected}");
            var name = table.Text("name");
            result.Add(new CandidateSite(id, name.Length > 0 ? name : id, location, cost, new Metres(height), flag.Flag) { Existing = flag.Existing });
        }

        return result;
    }

    /// <summary>Reads GeoJSON candidates, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The document is malformed or breaks a limit.</exception>
    public static IReadOnlyList<CandidateSite> ReadGeoJson(byte[] utf8, string file, Metres defaultHeight, FormatLimits? limits = null)
    {
        var geo = GeoJsonFile.Parse(utf8, file, limits);
        var result = new List<CandidateSite>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < geo.Features.Count; i++)
        {
            var attributes = geo.Features[i].Attributes;
            var location = PointFileReader.PointOf(geo, i);
            var id = GeoJsonFile.Text(attributes, "id", "s" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (!ids.Add(id))
            {
                throw geo.Error(i, $"duplicate id '{Printable.Escape(id)}'");
            }

            var cost = geo.Number(i, attributes, "cost", 1.0);
            var height = geo.Number(i, attributes, "height", defaultHeight.Value);
            var problem = Check(cost, height);
            if (problem is not null)
            {
                throw geo.Error(i, problem);
            }

            var flagText = GeoJsonFile.Text(attributes, "flag", string.Empty);
            var flag = CandidateFlag.Parse(flagText) ?? throw geo.Error(i, $"flag '{Printable.Escape(flagText)}' is not {CandidateFlag.Expected}");
            result.Add(new CandidateSite(id, GeoJsonFile.Text(attributes, "name", id), location, cost, new Metres(height), flag.Flag) { Existing = flag.Existing });
        }

        return result;
    }

    /// <summary>What is wrong with a site's cost and height, or null; shared by every candidate reader.</summary>
    internal static string? Check(double cost, double height) =>
        cost < 0 ? $"cost {cost} is negative"
        : height is <= 0 or > 1000 ? $"height {height} m is outside (0, 1000]"
        : null;
}
