using NetTopologySuite.Geometries;

namespace Quanet.Planning.Geography;

/// <summary>Moves NTS geometries between lon/lat degrees and a <see cref="LocalProjection"/>'s plane.</summary>
internal static class GeometryProjector
{
    /// <summary>A copy of <paramref name="lonLat"/> (x = lon, y = lat) in plane metres.</summary>
    public static Geometry Forward(Geometry lonLat, LocalProjection projection)
    {
        var copy = lonLat.Copy();
        copy.Apply(new CoordinateTransform(c =>
        {
            var (x, y) = projection.Forward(new GeoPoint(c.Y, c.X));
            c.X = x;
            c.Y = y;
        }));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>A copy of <paramref name="plane"/> in lon/lat degrees.</summary>
    public static Geometry Inverse(Geometry plane, LocalProjection projection)
    {
        var copy = plane.Copy();
        copy.Apply(new CoordinateTransform(c =>
        {
            var p = projection.Inverse(c.X, c.Y);
            c.X = p.Longitude;
            c.Y = p.Latitude;
        }));
        copy.GeometryChanged();
        return copy;
    }

    private sealed class CoordinateTransform(Action<Coordinate> transform) : IEntireCoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq)
        {
            for (var i = 0; i < seq.Count; i++)
            {
                var c = new Coordinate(seq.GetX(i), seq.GetY(i));
                transform(c);
                seq.SetX(i, c.X);
                seq.SetY(i, c.Y);
            }
        }
    }
}
