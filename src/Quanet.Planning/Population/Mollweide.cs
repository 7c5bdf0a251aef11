using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// The Mollweide equal-area projection on a sphere (Snyder, Map Projections - A Working Manual, USGS Professional
/// Paper 1395, 1987, pp. 249-252, equations 31-1 to 31-8). ESRI:54009 "World Mollweide", GHS-POP's native CRS, is this
/// projection with the sphere's radius the WGS 84 semi-major axis (6,378,137 m), central meridian 0, as PROJ computes
/// it. ProjNET 2.0.0 has no Mollweide, hence this one.
/// </summary>
internal sealed class Mollweide(string name, double radius, double centralMeridianDegrees) : IRasterProjection
{
    private const double Rad = Math.PI / 180;
    private static readonly double Sqrt2 = Math.Sqrt(2);

    /// <summary>ESRI:54009 World Mollweide.</summary>
    public static Mollweide World { get; } = new("ESRI:54009", 6_378_137, 0);

    public string Name { get; } = name;

    public (double X, double Y) Forward(GeoPoint p)
    {
        var phi = p.Latitude * Rad;
        var theta = Theta(phi);
        var dLon = (((p.Longitude - centralMeridianDegrees + 540) % 360) - 180) * Rad;
        return (2 * Sqrt2 / Math.PI * radius * dLon * Math.Cos(theta), Sqrt2 * radius * Math.Sin(theta));
    }

    public GeoPoint Inverse(double x, double y)
    {
        var theta = Math.Asin(Math.Clamp(y / (Sqrt2 * radius), -1, 1));
        var phi = Math.Asin(Math.Clamp(((2 * theta) + Math.Sin(2 * theta)) / Math.PI, -1, 1));
        var cos = Math.Cos(theta);
        var lon = cos < 1e-12 ? centralMeridianDegrees : centralMeridianDegrees + (Math.PI * x / (2 * Sqrt2 * radius * cos) / Rad);
        return new GeoPoint(phi / Rad, lon);
    }

    // 2 theta + sin 2 theta = pi sin phi by Newton's method on theta' = 2 theta (Snyder 31-4, 31-5); at the poles theta = phi
    private static double Theta(double phi)
    {
        if (Math.Abs(phi) > (Math.PI / 2) - 1e-10)
        {
            return phi;
        }

        var target = Math.PI * Math.Sin(phi);
        var t = phi;
        for (var i = 0; i < 50; i++)
        {
            var step = -(t + Math.Sin(t) - target) / (1 + Math.Cos(t));
            t += step;
            if (Math.Abs(step) < 1e-14)
            {
                break;
            }
        }

        return t / 2;
    }
}
