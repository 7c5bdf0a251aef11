using System.Globalization;
using NetTopologySuite.Algorithm.Hull;
using NetTopologySuite.Geometries;
using Quanet.Core;

namespace Quanet.Planning.Geography;

/// <summary>
/// Builds a <see cref="Region"/> from the embedded data. A country uses its Natural Earth outline. The data has no
/// first-level (admin1) boundaries, so an admin1 region is approximated: the concave hull (edges up to
/// <see cref="Admin1HullEdge"/>) of its places, widened by <see cref="Admin1Margin"/> and clipped to the country.
/// </summary>
public static class RegionBuilder
{
    /// <summary>Longest concave-hull edge for admin1 outlines, metres. <value>40 km.</value></summary>
    public const double Admin1HullEdge = 40_000;

    /// <summary>Margin around the admin1 places, metres. <value>6 km.</value></summary>
    public const double Admin1Margin = 6_000;

    private static readonly GeometryFactory Factory = new();

    /// <summary>Builds the region for <paramref name="country"/> and optionally one admin1 code.</summary>
    /// <exception cref="QuanetException">Unknown country or admin1 code.</exception>
    public static Region Build(string country, string? admin1)
    {
        ArgumentNullException.ThrowIfNull(country);
        var code = country.Trim().ToUpperInvariant();
        if (!EmbeddedData.Countries.Contains(code))
        {
            throw new QuanetException($"unknown country '{country}' (embedded: {string.Join(", ", EmbeddedData.Countries)})");
        }

        IReadOnlyList<Place> places;
        using (var reader = new StreamReader(EmbeddedData.OpenPlaces(code)))
        {
            places = PlacesCsvReader.Read(reader, $"places-{code}.csv");
        }

        var outline = OutlineReader.Read(EmbeddedData.OutlineBytes(code), $"outline-{code}.geojson");
        if (admin1 is null)
        {
            var env = outline.EnvelopeInternal;
            var projection = new LocalProjection(new GeoPoint(env.Centre.Y, env.Centre.X));
            return new Region(code, code, null, outline, projection, GeometryProjector.Forward(outline, projection), places);
        }

        var a1 = NormaliseAdmin1(admin1);
        var selected = new List<Place>();
        foreach (var p in places)
        {
            if (p.Admin1 == a1)
            {
                selected.Add(p);
            }
        }

        if (selected.Count == 0)
        {
            var known = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var p in places)
            {
                known.Add(p.Admin1);
            }

            throw new QuanetException($"unknown admin1 code '{admin1}' for {code} (known: {string.Join(", ", known)})");
        }

        return BuildAdmin1(code, a1, outline, selected);
    }

    /// <summary>
    /// The region of a user's polygon file (<see cref="RegionFileReader"/>), taken as its true boundary (no hull, no
    /// clipping), with the embedded places of <paramref name="country"/> that lie inside it.
    /// </summary>
    /// <exception cref="QuanetException">Unknown country.</exception>
    /// <exception cref="InputFormatException">The file holds no usable polygon.</exception>
    public static Region FromFile(string country, string path)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(path);
        var code = country.Trim().ToUpperInvariant();
        if (!EmbeddedData.Countries.Contains(code))
        {
            throw new QuanetException($"unknown country '{country}' (embedded: {string.Join(", ", EmbeddedData.Countries)})");
        }

        var outline = RegionFileReader.ReadFile(path);
        IReadOnlyList<Place> places;
        using (var reader = new StreamReader(EmbeddedData.OpenPlaces(code)))
        {
            places = PlacesCsvReader.Read(reader, $"places-{code}.csv");
        }

        var inside = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(outline);
        var selected = places.Where(p => inside.Covers(Factory.CreatePoint(new Coordinate(p.Location.Longitude, p.Location.Latitude)))).ToList();
        var env = outline.EnvelopeInternal;
        var projection = new LocalProjection(new GeoPoint(env.Centre.Y, env.Centre.X));
        return new Region(Path.GetFileNameWithoutExtension(path), code, null, outline, projection, GeometryProjector.Forward(outline, projection), selected);
    }

    private static Region BuildAdmin1(string country, string admin1, Geometry countryOutline, List<Place> places)
    {
        double minLat = 90, maxLat = -90, minLon = 180, maxLon = -180;
        foreach (var p in places)
        {
            minLat = Math.Min(minLat, p.Location.Latitude);
            maxLat = Math.Max(maxLat, p.Location.Latitude);
            minLon = Math.Min(minLon, p.Location.Longitude);
            maxLon = Math.Max(maxLon, p.Location.Longitude);
        }

        var projection = new LocalProjection(new GeoPoint((minLat + maxLat) / 2, (minLon + maxLon) / 2));
        var points = new Point[places.Count];
        for (var i = 0; i < points.Length; i++)
        {
            var (x, y) = projection.Forward(places[i].Location);
            points[i] = Factory.CreatePoint(new Coordinate(x, y));
        }

        var cloud = Factory.CreateMultiPoint(points);
        var hull = points.Length >= 3 ? ConcaveHull.ConcaveHullByLength(cloud, Admin1HullEdge) : cloud.ConvexHull();
        var widened = hull.Buffer(Admin1Margin);
        var projectedCountry = GeometryProjector.Forward(countryOutline, projection);
        var clipped = widened.Intersection(projectedCountry);
        if (clipped.IsEmpty)
        {
            throw new QuanetException($"admin1 '{admin1}' of {country} lies outside the country outline");
        }

        return new Region($"{country} admin1 {admin1}", country, admin1, GeometryProjector.Inverse(clipped, projection), projection, clipped, places);
    }

    private static string NormaliseAdmin1(string admin1)
    {
        var t = admin1.Trim();
        return t.Length == 1 && char.IsAsciiDigit(t[0]) ? "0" + t : t.ToUpper(CultureInfo.InvariantCulture);
    }
}
