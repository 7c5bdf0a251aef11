namespace Quanet.Planning.Raster;

/// <summary>
/// Writes a <see cref="CoverageRaster"/> as two GeoTIFFs in EPSG:4326, deflate-compressed: <c>plan_signal.tif</c>
/// (float32 best-server received power in dBm, GDAL_NODATA -9999) and <c>plan_server.tif</c> (int32 1-based index of
/// the best server among the plan's sites, the <c>fid</c> of plan.gpkg's sites layer; GDAL_NODATA 0).
/// </summary>
public static class CoverageRasterWriter
{
    /// <summary>The signal file's name.</summary>
    public const string SignalFileName = "plan_signal.tif";

    /// <summary>The best-server file's name.</summary>
    public const string ServerFileName = "plan_server.tif";

    /// <summary>The value of a signal pixel without signal.</summary>
    public const float NoData = -9999;

    /// <summary>Writes both files into <paramref name="directory"/> (replacing them).</summary>
    /// <returns>The two paths, signal first.</returns>
    /// <exception cref="Quanet.Core.QuanetException">A file cannot be written.</exception>
    public static IReadOnlyList<string> Save(CoverageRaster raster, string directory)
    {
        ArgumentNullException.ThrowIfNull(raster);
        ArgumentNullException.ThrowIfNull(directory);
        var signal = Path.Combine(directory, SignalFileName);
        var server = Path.Combine(directory, ServerFileName);
        GeoTiffWriter.WriteFloat32(signal, raster.Grid, raster.Power, NoData, description: "best-server received power, dBm; " + raster.Description);
        GeoTiffWriter.WriteInt32(server, raster.Grid, raster.Server, 0, description: "best server: 1-based site order of the plan (plan.gpkg sites fid); " + raster.Description);
        return [signal, server];
    }
}
