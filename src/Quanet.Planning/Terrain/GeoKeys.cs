using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>
/// The parts of a GeoTIFF GeoKeyDirectory (OGC GeoTIFF 1.1, clause 7) that a DEM reader needs: the model type and
/// CRS code, refused unless EPSG:4326, and whether raster points are pixel centres (PixelIsPoint) or corners.
/// </summary>
internal readonly record struct GeoKeys(bool PixelIsPoint)
{
    private const int ModelTypeKey = 1024;
    private const int RasterTypeKey = 1025;
    private const int GeodeticCrsKey = 2048;
    private const int ProjectedCrsKey = 3072;
    private const int ModelTypeProjected = 1;
    private const int ModelTypeGeographic = 2;
    private const int RasterPixelIsPoint = 2;
    private const int UserDefined = 32767;
    private const int Wgs84 = 4326;

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
                continue; // values held in GeoDoubleParams / GeoAsciiParams: none of the keys read here
            }

            switch (id)
            {
                case ModelTypeKey: modelType = value; break;
                case RasterTypeKey: rasterType = value; break;
                case GeodeticCrsKey: geodetic = value; break;
                case ProjectedCrsKey: projected = value; break;
            }
        }

        if (modelType == ModelTypeProjected || projected is not null)
        {
            throw GeoTiffDemReader.Bad(path, $"CRS {Code(projected)} is projected; only EPSG:4326 (WGS 84 latitude/longitude) is read so far (reprojection comes in a later change): convert with gdalwarp -t_srs EPSG:4326");
        }

        if (modelType is not (null or ModelTypeGeographic))
        {
            throw GeoTiffDemReader.Bad(path, $"model type {modelType} is neither geographic nor projected; only EPSG:4326 is read");
        }

        if (geodetic != Wgs84)
        {
            throw GeoTiffDemReader.Bad(path, $"CRS {Code(geodetic)}; only EPSG:4326 (WGS 84 latitude/longitude) is read so far (reprojection comes in a later change): convert with gdalwarp -t_srs EPSG:4326");
        }

        return new GeoKeys(rasterType == RasterPixelIsPoint);
    }

    private static string Code(int? code) => code switch
    {
        null => "not given",
        UserDefined => "user-defined (no EPSG code)",
        _ => "EPSG:" + code.Value,
    };
}
