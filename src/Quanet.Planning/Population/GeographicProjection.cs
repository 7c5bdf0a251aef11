using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// A geographic CRS read as WGS 84 longitude/latitude: EPSG:4326 itself, and ETRS89 (EPSG:4258), which differs from
/// WGS 84 by well under a metre in Europe (far below any population grid's cell).
/// </summary>
internal sealed class GeographicProjection(string name) : IRasterProjection
{
    public string Name { get; } = name;

    public GeoPoint Inverse(double x, double y) => new(y, x);

    public (double X, double Y) Forward(GeoPoint p) => (p.Longitude, p.Latitude);
}
