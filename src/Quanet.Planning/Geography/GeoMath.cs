namespace Quanet.Planning.Geography;

/// <summary>Great-circle geometry on the mean Earth sphere (IUGG radius 6,371,008.8 m).</summary>
public static class GeoMath
{
    /// <summary>Mean Earth radius, metres.</summary>
    public const double EarthRadius = 6_371_008.8;

    private const double Rad = Math.PI / 180;

    /// <summary>Haversine great-circle distance in metres.</summary>
    public static double Distance(GeoPoint a, GeoPoint b)
    {
        var dLat = (b.Latitude - a.Latitude) * Rad;
        var dLon = (b.Longitude - a.Longitude) * Rad;
        var s1 = Math.Sin(dLat / 2);
        var s2 = Math.Sin(dLon / 2);
        var h = (s1 * s1) + (Math.Cos(a.Latitude * Rad) * Math.Cos(b.Latitude * Rad) * s2 * s2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>The point <paramref name="distance"/> metres from <paramref name="start"/> along the initial bearing (degrees from north).</summary>
    public static GeoPoint Destination(GeoPoint start, double bearingDegrees, double distance)
    {
        var delta = distance / EarthRadius;
        var theta = bearingDegrees * Rad;
        var phi1 = start.Latitude * Rad;
        var lambda1 = start.Longitude * Rad;
        var sinPhi2 = (Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta));
        var phi2 = Math.Asin(sinPhi2);
        var lambda2 = lambda1 + Math.Atan2(Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1), Math.Cos(delta) - (Math.Sin(phi1) * sinPhi2));
        return new GeoPoint(phi2 / Rad, (((lambda2 / Rad) + 540) % 360) - 180);
    }
}
