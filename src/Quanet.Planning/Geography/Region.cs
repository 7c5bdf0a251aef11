using NetTopologySuite.Geometries;

namespace Quanet.Planning.Geography;

/// <summary>A planning region: its outline in degrees and in a local metric plane, and its places.</summary>
public sealed class Region
{
    /// <summary>Creates a region.</summary>
    public Region(string name, string country, string? admin1, Geometry outline, LocalProjection projection, Geometry projectedOutline, IReadOnlyList<Place> places)
    {
        Name = name;
        Country = country;
        Admin1 = admin1;
        Outline = outline;
        Projection = projection;
        ProjectedOutline = projectedOutline;
        Places = places;
    }

    /// <summary>Display name, e.g. "DE admin1 02".</summary>
    public string Name { get; }

    /// <summary>ISO country code.</summary>
    public string Country { get; }

    /// <summary>GeoNames admin1 code, or null for the whole country.</summary>
    public string? Admin1 { get; }

    /// <summary>The outline in lon/lat degrees (x = lon).</summary>
    public Geometry Outline { get; }

    /// <summary>The projection used for all planar work.</summary>
    public LocalProjection Projection { get; }

    /// <summary>The outline in plane metres.</summary>
    public Geometry ProjectedOutline { get; }

    /// <summary>The region's populated places.</summary>
    public IReadOnlyList<Place> Places { get; }

    /// <summary>Area of the outline, km^2 (planar, in the equidistant projection).</summary>
    public double AreaSquareKilometres => ProjectedOutline.Area / 1e6;
}
