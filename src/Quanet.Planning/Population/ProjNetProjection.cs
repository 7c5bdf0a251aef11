using ProjNet.CoordinateSystems;
using ProjNet.CoordinateSystems.Transformations;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// A projected CRS that ProjNET implements (Transverse Mercator for UTM, Popular Visualisation Pseudo-Mercator,
/// Lambert Azimuthal Equal Area), built from its OGC WKT. ProjNET's transforms keep state, so one instance serves one thread.
/// </summary>
internal sealed class ProjNetProjection : IRasterProjection
{
    private readonly MathTransform _forward;
    private readonly MathTransform _inverse;

    public ProjNetProjection(string name, ProjectedCoordinateSystem crs)
    {
        Name = name;
        var transform = new CoordinateTransformationFactory().CreateFromCoordinateSystems(GeographicCoordinateSystem.WGS84, crs);
        _forward = transform.MathTransform;
        _inverse = transform.MathTransform.Inverse();
    }

    public string Name { get; }

    public GeoPoint Inverse(double x, double y)
    {
        var (lon, lat) = _inverse.Transform(x, y);
        return new GeoPoint(lat, lon);
    }

    public (double X, double Y) Forward(GeoPoint p) => _forward.Transform(p.Longitude, p.Latitude);
}
