using System.Globalization;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// Builds a plan's demand points: from a demand file as given, from a population raster or the modelled surface as
/// cells of <c>cellKilometres</c>, or from the places as points.
/// </summary>
internal static class DemandBuilder
{
    /// <summary>The demand and what it is.</summary>
    public static (IReadOnlyList<DemandPoint> Points, DemandSummary Summary) Build(Region region, string? demandFile, string? populationFile, DemandModel model, double cellKilometres)
    {
        if (demandFile is not null)
        {
            return (DemandReader.ReadFile(demandFile), new DemandSummary { Text = "demand file " + Path.GetFileName(demandFile), Kind = "file", File = demandFile });
        }

        if (populationFile is not null)
        {
            var grid = new CellGrid(cellKilometres * 1000);
            var raster = PopulationRasterReader.Read(populationFile, region, grid);
            Label(region, grid);
            var (points, outside) = grid.ToDemand(region.Projection, region.ProjectedOutline);
            return (points, new DemandSummary
            {
                Text = $"raster {Path.GetFileName(populationFile)} ({raster.Crs}), {DemandSummary.Km(cellKilometres)} cells",
                Kind = "raster",
                CellKilometres = cellKilometres,
                Crs = raster.Crs,
                File = populationFile,
                PeopleOutsideRegion = outside,
            });
        }

        if (model == DemandModel.Places)
        {
            var demand = new List<DemandPoint>(region.Places.Count);
            foreach (var p in region.Places)
            {
                demand.Add(new DemandPoint(p.GeonamesId.ToString(CultureInfo.InvariantCulture), p.Name, p.Population, p.Location));
            }

            return (demand, new DemandSummary { Text = "places (GeoNames points)", Kind = "places" });
        }

        var surface = new CellGrid(cellKilometres * 1000);
        ClarkSurface.Spread(region.Places, region.Projection, surface);

        // the surface keeps every person of the region's places, also the few a border town spreads across the outline
        var (cells, _) = surface.ToDemand(region.Projection, clip: null);
        return (cells, new DemandSummary { Text = $"modelled surface (Clark), {DemandSummary.Km(cellKilometres)} cells", Kind = "surface", CellKilometres = cellKilometres });
    }

    // raster cells take the name of the largest place inside them, so that maps can label the sites serving them
    private static void Label(Region region, CellGrid grid)
    {
        var places = region.Places.OrderByDescending(p => p.Population);
        foreach (var p in places)
        {
            var (x, y) = region.Projection.Forward(p.Location);
            grid.LabelIfEmpty(x, y, p.Name);
        }
    }
}
