namespace Quanet.Planning.Population;

/// <summary>What reading a population raster saw.</summary>
/// <param name="Description">File name, size and CRS, e.g. <c>saar.tif (120 x 90, EPSG:3035)</c>.</param>
/// <param name="Crs">The CRS read, e.g. <c>EPSG:3035</c>.</param>
/// <param name="Width">Raster width, pixels.</param>
/// <param name="Height">Raster height, pixels.</param>
/// <param name="PixelsRead">Pixels decoded (those of the blocks crossing the region's bounding box).</param>
/// <param name="PeopleInBox">People of the pixels within the region's bounding box, before the clip to the outline.</param>
internal sealed record RasterSummary(string Description, string Crs, int Width, int Height, long PixelsRead, double PeopleInBox);
