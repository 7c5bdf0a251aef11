using Quanet.Core.Geodesy;

namespace Quanet.Planning.Geography;

/// <summary>
/// Spherical azimuthal equidistant projection about a centre: distances and bearings from the centre are exact,
/// other distances are stretched by at most (rho/R)/sin(rho/R) - 1, about 0.1 % at 500 km from the centre, so a
/// national region fits one metric plane. x is east, y is north, in metres.
/// </summary>
public sealed class LocalProjection
{
    private const double Rad = Math.PI / 180;
    private readonly double _lat0;
    private readonly double _lon0;
    private readonly double _sinLat0;
    private readonly double _cosLat0;

    /// <summary>Creates the projection centred on <paramref name="centre"/>.</summary>
    public LocalProjection(GeoPoint centre)
    {
        Centre = centre;
        _lat0 = centre.Latitude * Rad;
        _lon0 = centre.Longitude * Rad;
        _sinLat0 = Math.Sin(_lat0);
        _cosLat0 = Math.Cos(_lat0);
    }

    /// <summary>The projection centre.</summary>
    public GeoPoint Centre { get; }

    /// <summary>Upper bound of the relative distance distortion within <paramref name="radius"/> metres of the centre.</summary>
    public static double MaxScaleError(double radius)
    {
        var c = radius / GreatCircle.EarthRadiusMetres;
        return c < 1e-9 ? 0 : (c / Math.Sin(c)) - 1;
    }

    /// <summary>Projects a position to plane coordinates in metres.</summary>
    public (double X, double Y) Forward(GeoPoint p)
    {
        var lat = p.Latitude * Rad;
        var dLon = (p.Longitude * Rad) - _lon0;
        var sinLat = Math.Sin(lat);
        var cosLat = Math.Cos(lat);
        var cosC = (_sinLat0 * sinLat) + (_cosLat0 * cosLat * Math.Cos(dLon));
        cosC = Math.Clamp(cosC, -1, 1);
        var c = Math.Acos(cosC);
        var k = c < 1e-12 ? 1 : c / Math.Sin(c);
        var x = GreatCircle.EarthRadiusMetres * k * cosLat * Math.Sin(dLon);
        var y = GreatCircle.EarthRadiusMetres * k * ((_cosLat0 * sinLat) - (_sinLat0 * cosLat * Math.Cos(dLon)));
        return (x, y);
    }

    /// <summary>Inverse of <see cref="Forward"/>.</summary>
    public GeoPoint Inverse(double x, double y)
    {
        var rho = Math.Sqrt((x * x) + (y * y));
        if (rho < 1e-9)
        {
            return Centre;
        }

        var c = rho / GreatCircle.EarthRadiusMetres;
        var sinC = Math.Sin(c);
        var cosC = Math.Cos(c);
        var lat = Math.Asin((cosC * _sinLat0) + (y * sinC * _cosLat0 / rho));
        var lon = _lon0 + Math.Atan2(x * sinC, (rho * _cosLat0 * cosC) - (y * _sinLat0 * sinC));
        return new GeoPoint(lat / Rad, (((lon / Rad) + 540) % 360) - 180);
    }
}
