using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>
/// The parts of a GeoTIFF GeoKeyDirectory (OGC GeoTIFF 1.1, clause 7) that the raster readers need: the model type, the
/// geodetic and projected CRS codes, whether raster points are pixel centres (PixelIsPoint) or corners, and the
/// citation strings (GeoAsciiParams, where GDAL writes the ESRI WKT of a CRS without an EPSG code, such as Mollweide).
/// </summary>
internal readonly record struct GeoKeys(int? ModelType, int? Geodetic, int? Projected, bool PixelIsPoint, string Citation)
{
    /// <summary>The code of a user-defined (not EPSG) CRS.</summary>
    public const int UserDefined = 32767;
    private const int ModelTypeKey = 1024;
    private const int RasterTypeKey = 1025;
    private const int GeodeticCrsKey = 2048;
    private const int ProjectedCrsKey = 3072;
    private const int ModelTypeProjected = 1;
    private const int ModelTypeGeographic = 2;
    private const int RasterPixelIsPoint = 2;
    private const int Wgs84 = 4326;

    /// <summary>Whether the model is projected (by its type or by a projected CRS key).</summary>
    public bool IsProjected => ModelType == ModelTypeProjected || Projected is not null;

    /// <summary>Reads the keys; refuses a file without a GeoKeyDirectory.</summary>
    public static GeoKeys Read(Tiff tiff, string path)
    {
        if (tiff.GetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG) is not { Length: > 0 } field || field[^1].ToShortArray() is not { Length: >= 4 } raw)
        {
            throw GeoTiffDemReader.Bad(path, "no GeoKeyDirectory: not a GeoTIFF (its CRS is unknown)");
        }

        var keys = Math.Min((int)(ushort)raw[3], (raw.Length - 4) / 4);
        int? modelType = null, geodetic = null, projected = null, rasterType = null;
        for (var k = 0; k < keys; k++)
        {
            var at = 4 + (4 * k);
            int id = (ushort)raw[at], location = (ushort)raw[at + 1], value = (ushort)raw[at + 3];
            if (location != 0)
            {
                continue; // values held in GeoDoubleParams / GeoAsciiParams: read as a whole below
            }

            switch (id)
            {
                case ModelTypeKey: modelType = value; break;
                case RasterTypeKey: rasterType = value; break;
                case GeodeticCrsKey: geodetic = value; break;
                case ProjectedCrsKey: projected = value; break;
            }
        }

        var citation = tiff.GetField(TiffTag.GEOTIFF_GEOASCIIPARAMSTAG) is { Length: > 0 } ascii ? ascii[^1].ToString() ?? string.Empty : string.Empty;
        return new GeoKeys(modelType, geodetic, projected, rasterType == RasterPixelIsPoint, citation);
    }

    /// <summary>These keys if they declare EPSG:4326, else the one-line refusal a DEM gets.</summary>
    public GeoKeys RequireWgs84(string path)
    {
        if (IsProjected)
        {
            throw GeoTiffDemReader.Bad(path, $"CRS {Code(Projected)} is projected; only EPSG:4326 (WGS 84 latitude/longitude) is read so far (reprojection comes in a later change): convert with gdalwarp -t_srs EPSG:4326");
        }

        if (ModelType is not (null or ModelTypeGeographic))
        {
            throw GeoTiffDemReader.Bad(path, $"model type {ModelType} is neither geographic nor projected; only EPSG:4326 is read");
        }

        if (Geodetic != Wgs84)
        {
            throw GeoTiffDemReader.Bad(path, $"CRS {Code(Geodetic)}; only EPSG:4326 (WGS 84 latitude/longitude) is read so far (reprojection comes in a later change): convert with gdalwarp -t_srs EPSG:4326");
        }

        return this;
    }

    /// <summary>"EPSG:n", "user-defined (no EPSG code)" or "not given".</summary>
    public static string Code(int? code) => code switch
    {
        null => "not given",
        UserDefined => "user-defined (no EPSG code)",
        _ => "EPSG:" + code.Value,
    };
}
