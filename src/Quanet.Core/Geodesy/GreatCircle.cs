namespace Quanet.Core.Geodesy;

/// <summary>
/// Great-circle geometry on the mean Earth sphere: the one distance function every Quanet library uses
/// (haversine form, well conditioned for short distances).
/// </summary>
public static class GreatCircle
{
    /// <summary>Mean Earth radius R1 of the IUGG (Moritz, Geodetic Reference System 1980), metres.</summary>
    public const double EarthRadiusMetres = 6_371_008.8;

    /// <summary>Mean Earth radius R1 of the IUGG, kilometres.</summary>
    public const double EarthRadiusKilometres = EarthRadiusMetres / 1000;

    private const double Rad = Math.PI / 180;

    /// <summary>The angle at the Earth's centre between two points given in degrees, radians (0 to pi).</summary>
    public static double CentralAngle(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var s1 = Math.Sin((latitude2 - latitude1) * Rad / 2);
        var s2 = Math.Sin((longitude2 - longitude1) * Rad / 2);
        var h = (s1 * s1) + (Math.Cos(latitude1 * Rad) * Math.Cos(latitude2 * Rad) * s2 * s2);
        return 2 * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }

    /// <summary>Great-circle distance between two points given in degrees, metres.</summary>
    public static double DistanceMetres(double latitude1, double longitude1, double latitude2, double longitude2)
        => EarthRadiusMetres * CentralAngle(latitude1, longitude1, latitude2, longitude2);

    /// <summary>Great-circle distance between two points given in degrees, kilometres.</summary>
    public static double DistanceKilometres(double latitude1, double longitude1, double latitude2, double longitude2)
        => EarthRadiusKilometres * CentralAngle(latitude1, longitude1, latitude2, longitude2);

    /// <summary>
    /// The point <paramref name="distanceMetres"/> from (<paramref name="latitude"/>, <paramref name="longitude"/>) along the
    /// initial bearing <paramref name="bearingDegrees"/> (clockwise from north); longitude normalised to [-180, 180).
    /// </summary>
    public static (double Latitude, double Longitude) Destination(double latitude, double longitude, double bearingDegrees, double distanceMetres)
    {
        var delta = distanceMetres / EarthRadiusMetres;
        var theta = bearingDegrees * Rad;
        var phi1 = latitude * Rad;
        var lambda1 = longitude * Rad;
        var sinPhi2 = (Math.Sin(phi1) * Math.Cos(delta)) + (Math.Cos(phi1) * Math.Sin(delta) * Math.Cos(theta));
        var phi2 = Math.Asin(sinPhi2);
        var lambda2 = lambda1 + Math.Atan2(Math.Sin(theta) * Math.Sin(delta) * Math.Cos(phi1), Math.Cos(delta) - (Math.Sin(phi1) * sinPhi2));
        return (phi2 / Rad, (((lambda2 / Rad) + 540) % 360) - 180);
    }
}
