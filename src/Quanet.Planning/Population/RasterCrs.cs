using System.Globalization;
using System.Text.RegularExpressions;
using ProjNet.CoordinateSystems;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Population;

/// <summary>
/// The CRSs a population raster may declare and how each is reprojected: geographic EPSG:4326 / 4258 as they are;
/// EPSG:3035 (ETRS89-LAEA), EPSG:3857 and UTM (EPSG:326zz / 327zz, ETRS89 258zz) through ProjNET; ESRI:54009 World
/// Mollweide (GDAL writes it as a user-defined CRS with its ESRI WKT in the citation) through <see cref="Mollweide"/>.
/// ETRS89 is taken as WGS 84: the two differ by well under a metre in Europe.
/// </summary>
internal static partial class RasterCrs
{
    /// <summary>What the readers accept, for messages and help.</summary>
    public const string Supported = "EPSG:4326, EPSG:4258, EPSG:3035, EPSG:3857, UTM EPSG:326zz/327zz/258zz, ESRI:54009 Mollweide";

    // EPSG Guidance Note 7-2 / the EPSG dataset's definition of EPSG:3035
    private const string LaeaEuropeWkt =
        "PROJCS[\"ETRS89 / LAEA Europe\",GEOGCS[\"ETRS89\",DATUM[\"WGS_1984\",SPHEROID[\"GRS 1980\",6378137,298.257222101]],"
        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],"
        + "PARAMETER[\"latitude_of_center\",52],PARAMETER[\"longitude_of_center\",10],PARAMETER[\"false_easting\",4321000],"
        + "PARAMETER[\"false_northing\",3210000],UNIT[\"metre\",1]]";

    /// <summary>The projection of the CRS <paramref name="keys"/> declare.</summary>
    /// <exception cref="Core.InputFormatException">A CRS not in <see cref="Supported"/>, named by its code.</exception>
    public static IRasterProjection Resolve(GeoKeys keys, string path)
    {
        if (!keys.IsProjected)
        {
            return keys.Geodetic switch
            {
                4326 => new GeographicProjection("EPSG:4326"),
                4258 => new GeographicProjection("EPSG:4258"),
                _ => throw Unknown(path, GeoKeys.Code(keys.Geodetic) + " (geographic)"),
            };
        }

        if (keys.Projected is { } code && code != GeoKeys.UserDefined)
        {
            return ForCode(code) ?? throw Unknown(path, "EPSG:" + code.ToString(CultureInfo.InvariantCulture));
        }

        if (keys.Citation.Contains("Mollweide", StringComparison.OrdinalIgnoreCase))
        {
            return MollweideOf(keys.Citation, path);
        }

        var name = CitationName().Match(keys.Citation) is { Success: true } m ? $"user-defined '{m.Groups[1].Value}'" : GeoKeys.Code(keys.Projected);
        throw Unknown(path, name);
    }

    /// <summary>The projection of an EPSG (or ESRI:54009) code, or null when not supported.</summary>
    public static IRasterProjection? ForCode(int code)
    {
        var name = (code == 54009 ? "ESRI:" : "EPSG:") + code.ToString(CultureInfo.InvariantCulture);
        return code switch
        {
            4326 or 4258 => new GeographicProjection(name),
            3035 => new ProjNetProjection(name, (ProjectedCoordinateSystem)new CoordinateSystemFactory().CreateFromWkt(LaeaEuropeWkt)),
            3857 => new ProjNetProjection(name, ProjectedCoordinateSystem.WebMercator),
            >= 32601 and <= 32660 => new ProjNetProjection(name, ProjectedCoordinateSystem.WGS84_UTM(code - 32600, true)),
            >= 32701 and <= 32760 => new ProjNetProjection(name, ProjectedCoordinateSystem.WGS84_UTM(code - 32700, false)),
            >= 25828 and <= 25838 => new ProjNetProjection(name, ProjectedCoordinateSystem.WGS84_UTM(code - 25800, true)),
            54009 => Mollweide.World,
            _ => null,
        };
    }

    private static Mollweide MollweideOf(string citation, string path)
    {
        double Parameter(string key)
        {
            var m = Regex.Match(citation, "PARAMETER\\[\"" + key + "\",\\s*([-+0-9.eE]+)\\]", RegexOptions.IgnoreCase);
            return m.Success ? double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        }

        if (Parameter("False_Easting") != 0 || Parameter("False_Northing") != 0)
        {
            throw Unknown(path, "Mollweide with a false easting or northing");
        }

        var meridian = Parameter("Central_Meridian");
        return meridian == 0 ? Mollweide.World : new Mollweide("Mollweide (central meridian " + meridian.ToString(CultureInfo.InvariantCulture) + ")", 6_378_137, meridian);
    }

    private static Core.InputFormatException Unknown(string path, string found) =>
        GeoTiffDemReader.Bad(path, $"CRS {found} is not supported for population rasters (supported: {Supported}); reproject with gdalwarp -t_srs EPSG:3035");

    [GeneratedRegex("PROJCS\\[\"([^\"]{1,80})\"")]
    private static partial Regex CitationName();
}
