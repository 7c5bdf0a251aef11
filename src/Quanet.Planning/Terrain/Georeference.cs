using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Where a GeoTIFF's pixel centres lie in its CRS's units (degrees for a geographic CRS, usually metres for a projected
/// one): from ModelPixelScale + ModelTiepoint, or from a ModelTransformation without rotation; raster space is shifted
/// by half a pixel unless the file says PixelIsPoint. <see cref="Top"/> and <see cref="Left"/> are the centre of the
/// first pixel; rows go down (y decreases by <see cref="StepY"/>), columns go right (x increases by <see cref="StepX"/>).
/// </summary>
internal readonly record struct Georeference(double Top, double Left, double StepY, double StepX)
{
    public static Georeference Read(Tiff tiff, string path, bool pixelIsPoint)
    {
        double originX, originY, scaleX, scaleY;
        var transformation = Doubles(tiff, TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG);
        if (transformation is { Length: >= 16 } m)
        {
            if (m[1] != 0 || m[4] != 0)
            {
                throw GeoTiffDemReader.Bad(path, "the ModelTransformation rotates the raster; only north-up DEMs are read (gdalwarp makes one)");
            }

            (originX, scaleX, originY, scaleY) = (m[3], m[0], m[7], -m[5]);
        }
        else
        {
            var scale = Doubles(tiff, TiffTag.GEOTIFF_MODELPIXELSCALETAG);
            var tie = Doubles(tiff, TiffTag.GEOTIFF_MODELTIEPOINTTAG);
            if (scale is not { Length: >= 2 } || tie is not { Length: >= 6 })
            {
                throw GeoTiffDemReader.Bad(path, "no georeference: neither ModelPixelScale with ModelTiepoint nor ModelTransformation");
            }

            (scaleX, scaleY) = (scale[0], scale[1]);
            (originX, originY) = (tie[3] - (tie[0] * scaleX), tie[4] + (tie[1] * scaleY));
        }

        if (!(scaleX > 0 && scaleY > 0 && double.IsFinite(scaleX) && double.IsFinite(scaleY) && double.IsFinite(originX) && double.IsFinite(originY)))
        {
            throw GeoTiffDemReader.Bad(path, $"pixel size {scaleX} x {scaleY} is not usable (a north-up raster has both positive)");
        }

        var half = pixelIsPoint ? 0 : 0.5;
        return new Georeference(originY - (half * scaleY), originX + (half * scaleX), scaleY, scaleX);
    }

    private static double[]? Doubles(Tiff tiff, TiffTag tag) => tiff.GetField(tag) is { Length: > 0 } v ? v[^1].ToDoubleArray() : null;
}
