using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using Quanet.Core.Geodesy;

namespace Quanet.Planning.Backhaul;

/// <summary>
/// Candidate fibre routes between nodes: the Delaunay triangulation's edges (NetTopologySuite, on a local
/// equirectangular projection), each node's k nearest neighbours, zero-length links between co-located
/// nodes, and the given existing-fibre pairs.
/// </summary>
internal static class CandidateRoutes
{
    public static List<(int A, int B, bool Existing)> Build(IReadOnlyList<BackhaulNode> nodes, int nearest, IEnumerable<(int A, int B)> existing)
    {
        var pairs = new HashSet<(int, int)>();
        var result = new List<(int A, int B, bool Existing)>();
        void Add(int a, int b, bool isExisting)
        {
            if (a == b)
            {
                return;
            }

            var key = a < b ? (a, b) : (b, a);
            if (pairs.Add(key))
            {
                result.Add((key.Item1, key.Item2, isExisting));
            }
        }

        foreach (var (a, b) in existing)
        {
            Add(a, b, true);
        }

        var n = nodes.Count;
        var lat0 = 0.0;
        foreach (var node in nodes)
        {
            lat0 += node.Lat / n;
        }

        var cos = Math.Cos(lat0 * Math.PI / 180);
        var index = new Dictionary<(double, double), int>();
        var coords = new List<Coordinate>();
        for (var i = 0; i < n; i++)
        {
            var key = (Math.Round(nodes[i].Lon * cos * 111.32, 6), Math.Round(nodes[i].Lat * 110.57, 6));
            if (index.TryGetValue(key, out var same))
            {
                Add(same, i, false);
                continue;
            }

            index[key] = i;
            coords.Add(new Coordinate(key.Item1, key.Item2));
        }

        if (coords.Count >= 3)
        {
            var builder = new DelaunayTriangulationBuilder();
            builder.SetSites(coords);
            var edges = builder.GetEdges(new GeometryFactory());
            foreach (var geometry in edges.Geometries)
            {
                var line = (LineString)geometry;
                var a = index[(line.StartPoint.X, line.StartPoint.Y)];
                var b = index[(line.EndPoint.X, line.EndPoint.Y)];
                Add(a, b, false);
            }
        }

        // k nearest neighbours (brute force: plans have at most a few thousand nodes).
        var order = new (double D, int J)[n];
        for (var i = 0; i < n && nearest > 0; i++)
        {
            for (var j = 0; j < n; j++)
            {
                order[j] = (i == j ? double.MaxValue : GreatCircle.DistanceKilometres(nodes[i].Lat, nodes[i].Lon, nodes[j].Lat, nodes[j].Lon), j);
            }

            Array.Sort(order);
            for (var r = 0; r < Math.Min(nearest, n - 1); r++)
            {
                Add(i, order[r].J, false);
            }
        }

        return result;
    }
}
