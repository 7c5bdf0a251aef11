using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Quanet.Benchmarks.Suites;
using Quanet.Planning.Geography;
using Quanet.Planning.Population;

namespace Quanet.Benchmarks.Planning;

/// <summary>
/// <c>population-example OUT.tif [ADMIN1|all] [FLOOR]</c>: writes a synthetic population raster of a German region in
/// EPSG:3035 (ETRS89-LAEA) on the 1 km grid of the European census grids (cell edges at multiples of 1,000 m): the
/// modelled surface of the region's places (<see cref="ClarkSurface"/>, spread on the LAEA plane) plus a countryside
/// floor of FLOOR people (default 30) in every cell whose centre lies inside the region's outline. Float32, deflate,
/// 256 x 256 tiles, GDAL_NODATA -200 (GHS-POP's) outside the populated box. Synthetic: not a census.
/// </summary>
public sealed class PopulationExampleSuite : ISuite
{
    public string Name => "population-example";

    public int Run(string[] args)
    {
        var path = args.Length > 0 ? args[0] : "saarland-3035.tif";
        var admin1 = args.Length > 1 ? args[1] : "09";
        var floor = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 30;
        var region = RegionBuilder.Build("DE", string.Equals(admin1, "all", StringComparison.OrdinalIgnoreCase) ? null : admin1);
        var laea = RasterCrs.ForCode(3035)!;
        const double Cell = 1000;
        var grid = new CellGrid(Cell);
        var shares = new List<(double X, double Y, double Weight)>();
        foreach (var place in region.Places)
        {
            var (x, y) = laea.Forward(place.Location);
            ClarkSurface.Spread(x, y, place.Population, place.Name, grid, shares);
        }

        // the raster's box: the outline's LAEA envelope (sampled along its vertices), widened by 10 km for spill-over
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        foreach (var c in region.Outline.Coordinates)
        {
            var (x, y) = laea.Forward(new GeoPoint(c.Y, c.X));
            (minX, minY, maxX, maxY) = (Math.Min(minX, x), Math.Min(minY, y), Math.Max(maxX, x), Math.Max(maxY, y));
        }

        var i0 = (long)Math.Floor(minX / Cell) - 10;
        var i1 = (long)Math.Ceiling(maxX / Cell) + 10;
        var j0 = (long)Math.Floor(minY / Cell) - 10;
        var j1 = (long)Math.Ceiling(maxY / Cell) + 10;
        var width = (int)(i1 - i0);
        var height = (int)(j1 - j0);
        var inside = PreparedGeometryFactory.Prepare(region.Outline);
        var factory = new GeometryFactory();
        var values = new double[width * height];
        var total = 0.0;
        for (var r = 0; r < height; r++)
        {
            var j = j1 - 1 - r;
            for (var col = 0; col < width; col++)
            {
                var i = i0 + col;
                var people = grid.PeopleIn(i, j);
                var centre = laea.Inverse((i + 0.5) * Cell, (j + 0.5) * Cell);
                if (inside.Contains(factory.CreatePoint(new Coordinate(centre.Longitude, centre.Latitude))))
                {
                    people += floor;
                }

                values[(r * width) + col] = people > 0 ? Math.Round(people, 1) : -200;
                total += people > 0 ? Math.Round(people, 1) : 0;
            }
        }

        var writer = new PopulationRasterWriter { Crs = 3035, Left = i0 * Cell, Top = j1 * Cell, PixelSize = Cell, TileSize = 256, NoData = -200 };
        writer.Write(path, values, width);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"wrote {path} ({width} x {height} pixels, {total:N0} people, {new FileInfo(path).Length:N0} bytes)"));
        return 0;
    }
}
