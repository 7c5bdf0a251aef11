namespace Quanet.Planning.Geography;

/// <summary>A WGS84 position in decimal degrees.</summary>
/// <param name="Latitude">Latitude, degrees north, in [-90, 90].</param>
/// <param name="Longitude">Longitude, degrees east, in [-180, 180].</param>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Whether both coordinates are finite and in range.</summary>
    public bool IsValid => Latitude is >= -90 and <= 90 && Longitude is >= -180 and <= 180;
}
