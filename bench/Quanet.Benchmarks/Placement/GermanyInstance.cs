using System.Globalization;
using Quanet.Planning.Placement;

namespace Quanet.Benchmarks.Placement;

/// <summary>
/// A national-scale maximal covering instance built for the benchmark: GeoNames places of a country
/// (population as demand), projected to kilometres with an equirectangular projection about their centroid,
/// hexagonal candidate grid whose spacing is tuned to give about the requested number of candidates
/// within the coverage radius of at least one place, and disc coverage of that radius (spatial hash, no all-pairs loop).
/// </summary>
internal static class GermanyInstance
{
    private const double EarthRadiusKm = 6371.0088;

    public static (CoverageInstance Instance, double SpacingKm) Build(string placesCsv, double radiusKm, int targetCandidates)
    {
        var (x, y, population) = ReadPlaces(placesCsv);
        var hash = new SpatialHash(x, y, radiusKm);
        double lo = 0.5, hi = 50.0;
        List<(double X, double Y)> sites = [];
        var spacing = hi;
        for (var iteration = 0; iteration < 30; iteration++)
        {
            spacing = Math.Sqrt(lo * hi);
            sites = Grid(x, y, spacing, radiusKm, hash);
            if (Math.Abs(sites.Count - targetCandidates) <= targetCandidates / 100)
            {
                break;
            }

            if (sites.Count > targetCandidates)
            {
                lo = spacing;
            }
            else
            {
                hi = spacing;
            }
        }

        var covers = new int[sites.Count][];
        var list = new List<int>();
        for (var j = 0; j < sites.Count; j++)
        {
            list.Clear();
            hash.Within(sites[j].X, sites[j].Y, radiusKm, list);
            list.Sort();
            covers[j] = [.. list];
        }

        var cost = new double[sites.Count];
        Array.Fill(cost, 1.0);
        return (new CoverageInstance(population, cost, covers), spacing);
    }

    private static List<(double X, double Y)> Grid(double[] x, double[] y, double spacing, double radius, SpatialHash hash)
    {
        var sites = new List<(double X, double Y)>();
        var rowStep = spacing * Math.Sqrt(3) / 2;
        var (minX, maxX, minY, maxY) = (x.Min() - radius, x.Max() + radius, y.Min() - radius, y.Max() + radius);
        var row = 0;
        for (var cy = minY; cy <= maxY; cy += rowStep, row++)
        {
            for (var cx = minX + ((row & 1) * spacing / 2); cx <= maxX; cx += spacing)
            {
                if (hash.Any(cx, cy, radius))
                {
                    sites.Add((cx, cy));
                }
            }
        }

        return sites;
    }

    private static (double[] X, double[] Y, double[] Population) ReadPlaces(string path)
    {
        var lat = new List<double>();
        var lon = new List<double>();
        var population = new List<double>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            // name may hold commas: read the numeric fields from the end
            var f = line.Split(',');
            population.Add(double.Parse(f[^3], CultureInfo.InvariantCulture));
            lat.Add(double.Parse(f[^2], CultureInfo.InvariantCulture));
            lon.Add(double.Parse(f[^1], CultureInfo.InvariantCulture));
        }

        var lat0 = lat.Average() * Math.PI / 180;
        var lon0 = lon.Average() * Math.PI / 180;
        var x = new double[lat.Count];
        var y = new double[lat.Count];
        for (var i = 0; i < x.Length; i++)
        {
            x[i] = EarthRadiusKm * ((lon[i] * Math.PI / 180) - lon0) * Math.Cos(lat0);
            y[i] = EarthRadiusKm * ((lat[i] * Math.PI / 180) - lat0);
        }

        return (x, y, [.. population]);
    }

    private sealed class SpatialHash
    {
        private readonly Dictionary<(int, int), List<int>> _cells = [];
        private readonly double[] _x;
        private readonly double[] _y;
        private readonly double _size;

        public SpatialHash(double[] x, double[] y, double size)
        {
            _x = x;
            _y = y;
            _size = size;
            for (var i = 0; i < x.Length; i++)
            {
                var key = ((int)Math.Floor(x[i] / size), (int)Math.Floor(y[i] / size));
                if (!_cells.TryGetValue(key, out var cell))
                {
                    _cells[key] = cell = [];
                }

                cell.Add(i);
            }
        }

        public bool Any(double x, double y, double radius)
        {
            var found = new List<int>();
            Within(x, y, radius, found, stopAtFirst: true);
            return found.Count > 0;
        }

        public void Within(double x, double y, double radius, List<int> result, bool stopAtFirst = false)
        {
            var cx = (int)Math.Floor(x / _size);
            var cy = (int)Math.Floor(y / _size);
            var r2 = radius * radius;
            for (var dx = -1; dx <= 1; dx++)
            {
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!_cells.TryGetValue((cx + dx, cy + dy), out var cell))
                    {
                        continue;
                    }

                    foreach (var i in cell)
                    {
                        var ex = _x[i] - x;
                        var ey = _y[i] - y;
                        if ((ex * ex) + (ey * ey) <= r2)
                        {
                            result.Add(i);
                            if (stopAtFirst)
                            {
                                return;
                            }
                        }
                    }
                }
            }
        }
    }
}
