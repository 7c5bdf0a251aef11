using System.Globalization;
using Quanet.Core.Text;

namespace Quanet.Planning.Geography;

/// <summary>Reads the GeoNames places CSV: <c>geonames_id,name,country,admin1,feature_code,population,lat,lon</c>.</summary>
public static class PlacesCsvReader
{
    /// <summary>Reads every place.</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="file">File name used in error messages.</param>
    /// <exception cref="Quanet.Core.InputFormatException">A row is malformed (message FILE:LINE: reason).</exception>
    public static IReadOnlyList<Place> Read(TextReader reader, string file)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var table = CsvTable.Open(reader, file, "geonames_id", "name", "country", "admin1", "feature_code", "population", "lat", "lon");
        var places = new List<Place>();
        while (table.Next())
        {
            var idText = table.Text("geonames_id");
            if (!long.TryParse(idText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                throw table.Error($"geonames_id '{Printable.Escape(idText)}' is not an integer");
            }

            var population = table.Number("population");
            if (population < 0)
            {
                throw table.Error($"population {population} is negative");
            }

            places.Add(new Place(id, table.Text("name"), table.Text("country"), table.Text("admin1"), table.Text("feature_code"), (long)population, table.Location()));
        }

        return places;
    }
}
