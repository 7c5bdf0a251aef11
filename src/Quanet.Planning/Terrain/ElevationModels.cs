using Quanet.Core;

namespace Quanet.Planning.Terrain;

/// <summary>Opens the DEM files a plan names: SRTM <c>.hgt</c> tiles and GeoTIFFs, several as one mosaic.</summary>
public static class ElevationModels
{
    /// <summary>The file kinds <see cref="Open"/> reads, for option descriptions.</summary>
    public const string Kinds = "SRTM .hgt tiles (1\" or 3\") and GeoTIFF DEMs (.tif, EPSG:4326)";

    /// <summary>Reads every file and joins them into one model.</summary>
    /// <exception cref="InputFormatException">A file is malformed, of an unknown kind, or in another CRS (the message names the file).</exception>
    /// <exception cref="QuanetException">A file cannot be read.</exception>
    public static IElevationModel Open(IReadOnlyList<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentOutOfRangeException.ThrowIfZero(paths.Count);
        var parts = new List<IElevationModel>(paths.Count);
        foreach (var path in paths)
        {
            try
            {
                parts.Add(Path.GetExtension(path).ToLowerInvariant() switch
                {
                    ".hgt" => HgtReader.Read(path),
                    ".tif" or ".tiff" => GeoTiffDemReader.Read(path),
                    _ => throw new InputFormatException(path, 0, "unknown DEM kind: give " + Kinds),
                });
            }
            catch (IOException e)
            {
                throw new QuanetException($"{path}: cannot be read ({e.Message})", e);
            }
            catch (UnauthorizedAccessException e)
            {
                throw new QuanetException($"{path}: cannot be read ({e.Message})", e);
            }
        }

        return parts.Count == 1 ? parts[0] : new ElevationMosaic(parts);
    }
}
