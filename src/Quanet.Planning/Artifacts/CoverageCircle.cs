using Quanet.Core.Geodesy;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Artifacts;

/// <summary>A site's coverage circle on the sphere as the ring every plan export draws: 72 vertices, closed.</summary>
public static class CoverageCircle
{
    /// <summary>Vertices of the ring (the closing vertex repeats the first).</summary>
    public const int Vertices = 72;

    /// <summary>
    /// The ring around <paramref name="centre"/> at <paramref name="radiusMetres"/> as (longitude, latitude) pairs,
    /// counter-clockwise as RFC 7946 and KML want exterior rings (bearings decreasing from north), closed.
    /// </summary>
    public static (double Longitude, double Latitude)[] Ring(GeoPoint centre, double radiusMetres)
    {
        var ring = new (double, double)[Vertices + 1];
        for (var k = 0; k <= Vertices; k++)
        {
            var (latitude, longitude) = GreatCircle.Destination(centre.Latitude, centre.Longitude, -360.0 * (k % Vertices) / Vertices, radiusMetres);
            ring[k] = (longitude, latitude);
        }

        return ring;
    }
}
