using BitMiracle.LibTiff.Classic;

namespace Quanet.Planning.Terrain;

/// <summary>
/// Registers the GeoTIFF tags (OGC GeoTIFF 1.1) and GDAL's NoData tag with LibTiff, which names them but does not
/// know their types: without this, reading sees them only as anonymous fields and writing drops them.
/// </summary>
internal static class GeoTiffTags
{
    private const short Variable = TiffFieldInfo.Variable;
    private static Tiff.TiffExtendProc? _parent;

    /// <summary>Installs the tag extender; called once, from <see cref="LibTiffErrors"/>' static constructor.</summary>
    public static void Register() => _parent = Tiff.SetTagExtender(Extend);

    private static void Extend(Tiff tiff)
    {
        TiffFieldInfo[] fields =
        [
            new(TiffTag.GEOTIFF_MODELPIXELSCALETAG, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelPixelScale"),
            new(TiffTag.GEOTIFF_MODELTIEPOINTTAG, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTiepoint"),
            new(TiffTag.GEOTIFF_MODELTRANSFORMATIONTAG, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "ModelTransformation"),
            new(TiffTag.GEOTIFF_GEOKEYDIRECTORYTAG, Variable, Variable, TiffType.SHORT, FieldBit.Custom, true, true, "GeoKeyDirectory"),
            new(TiffTag.GEOTIFF_GEODOUBLEPARAMSTAG, Variable, Variable, TiffType.DOUBLE, FieldBit.Custom, true, true, "GeoDoubleParams"),
            new(TiffTag.GEOTIFF_GEOASCIIPARAMSTAG, Variable, Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GeoAsciiParams"),
            new(TiffTag.GDAL_NODATA, Variable, Variable, TiffType.ASCII, FieldBit.Custom, true, false, "GDALNoData"),
        ];
        tiff.MergeFieldInfo(fields, fields.Length);
        _parent?.Invoke(tiff);
    }
}
