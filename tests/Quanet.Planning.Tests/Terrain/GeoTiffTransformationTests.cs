using BitMiracle.LibTiff.Classic;
using Quanet.Core;
using Quanet.Planning.Terrain;

namespace Quanet.Planning.Tests.Terrain;

public sealed class GeoTiffTransformationTests
{
    [Fact]
    public void A_model_transformation_places_the_raster()
    {
        // X = 0.01 i + 12.0, Y = -0.02 j + 48.0 (raster corner at 12 E, 48 N; PixelIsArea, so centres half a pixel in)
        var path = WithTransformation([0.01, 0, 0, 12.0, 0, -0.02, 0, 48.0, 0, 0, 0, 0, 0, 0, 0, 1]);

        var read = GeoTiffDemReader.Read(path);

        Assert.Equal(48.0 - 0.01, read.North, 12);
        Assert.Equal(12.0 + 0.005, read.West, 12);
        Assert.Equal(0.02, read.LatitudeStep, 12);
        Assert.Equal(0.01, read.LongitudeStep, 12);
    }

    [Fact]
    public void A_rotated_raster_is_refused_in_one_line()
    {
        var path = WithTransformation([0.01, 0.001, 0, 12.0, 0.001, -0.02, 0, 48.0, 0, 0, 0, 0, 0, 0, 0, 1]);

        var e = Assert.Throws<InputFormatException>(() => GeoTiffDemReader.Read(path));

        Assert.Equal($"{path}: the ModelTransformation rotates the raster; only north-up DEMs are read (gdalwarp makes one)", e.Message);
    }

    // a 20 x 10 float32 raster with GeoKeys for EPSG:4326 and a ModelTransformation instead of scale + tiepoint
    private static string WithTransformation(double[] matrix)
    {
        var path = Path.Combine(TestData.TempDirectory(), "transformed.tif");
        LibTiffErrors.Clear();
        using (var tiff = Tiff.Open(path, "w"))
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, 20);
            tiff.SetField(TiffTag.IMAGELENGTH, 10);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 32);
            tiff.SetField(TiffTag.SAMPLEFORMAT, SampleFormat.IEEEFP);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tiff.SetField(TiffTag.ROWSPERSTRIP, 10);
            tiff.SetField(TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG, 16, matrix);
            short[] keys = [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326];
            tiff.SetField(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, keys.Length, keys);
            tiff.WriteEncodedStrip(0, new byte[20 * 10 * 4], 20 * 10 * 4);
        }

        return path;
    }
}
