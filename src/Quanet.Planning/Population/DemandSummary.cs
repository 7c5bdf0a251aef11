using System.Globalization;

namespace Quanet.Planning.Population;

/// <summary>Which demand a plan used, for the reports: the modelled surface, a raster, the place points or a demand file.</summary>
public sealed record DemandSummary
{
    /// <summary>One line for reports, e.g. <c>modelled surface (Clark), 1 km cells</c> or <c>raster pop.tif (EPSG:3035), 1 km cells</c>.</summary>
    public required string Text { get; init; }

    /// <summary><c>surface</c>, <c>raster</c>, <c>places</c> or <c>file</c>.</summary>
    public required string Kind { get; init; }

    /// <summary>The cell size of a surface or raster, km; null for points.</summary>
    public double? CellKilometres { get; init; }

    /// <summary>The raster's CRS (e.g. <c>EPSG:3035</c>), or null.</summary>
    public string? Crs { get; init; }

    /// <summary>The raster or demand file, or null.</summary>
    public string? File { get; init; }

    /// <summary>People of a raster's pixels within the region's bounding box whose cell centre falls outside the region (not demand).</summary>
    public double PeopleOutsideRegion { get; init; }

    internal static string Km(double km) => km.ToString("0.###", CultureInfo.InvariantCulture) + " km";
}
