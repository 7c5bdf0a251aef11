using System.Globalization;
using Quanet.Core.Geodesy;

namespace Quanet.Planning.Raster;

/// <summary>
/// The pixel size of a raster on a latitude/longitude grid: metres on the ground (the longitude step then widens with
/// the latitude so pixels are about square) or arc seconds (the same step in both directions).
/// </summary>
/// <param name="Value">The size, positive.</param>
/// <param name="ArcSeconds">True for arc seconds, false for metres.</param>
public readonly record struct RasterResolution(double Value, bool ArcSeconds)
{
    /// <summary>The default: 250 m.</summary>
    public static RasterResolution Default { get; } = new(250, false);

    /// <summary>Metres per degree of latitude on the sphere of <see cref="GreatCircle.EarthRadiusMetres"/>.</summary>
    public static double MetresPerDegree => GreatCircle.EarthRadiusMetres * Math.PI / 180;

    /// <summary>Parses <c>250</c> or <c>250m</c> (metres) and <c>9s</c> or <c>9arcsec</c> (arc seconds).</summary>
    /// <returns>The resolution, or null when <paramref name="text"/> is not one, not positive, or finer than 1 m / 0.03".</returns>
    public static RasterResolution? Parse(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var t = text.Trim().ToLowerInvariant();
        var arcSeconds = false;
        if (t.EndsWith("arcsec", StringComparison.Ordinal) || t.EndsWith('s'))
        {
            arcSeconds = true;
            t = t.EndsWith("arcsec", StringComparison.Ordinal) ? t[..^6] : t[..^1];
        }
        else if (t.EndsWith('m'))
        {
            t = t[..^1];
        }

        if (!double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
        {
            return null;
        }

        return value >= (arcSeconds ? 0.03 : 1) && value <= (arcSeconds ? 3600 : 100_000) ? new RasterResolution(value, arcSeconds) : null;
    }

    /// <summary>The latitude and longitude steps in degrees at <paramref name="latitude"/>.</summary>
    public (double LatitudeStep, double LongitudeStep) Steps(double latitude)
    {
        if (ArcSeconds)
        {
            return (Value / 3600, Value / 3600);
        }

        var latitudeStep = Value / MetresPerDegree;
        return (latitudeStep, latitudeStep / Math.Max(Math.Cos(latitude * Math.PI / 180), 0.01));
    }

    /// <inheritdoc/>
    public override string ToString() => Value.ToString("0.###", CultureInfo.InvariantCulture) + (ArcSeconds ? "\"" : " m");
}
