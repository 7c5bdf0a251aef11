using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>A raster's coordinate reference system as far as reading it needs: its name and the way to and from WGS 84.</summary>
internal interface IRasterProjection
{
    /// <summary>The CRS as reports name it, e.g. <c>EPSG:3035</c>.</summary>
    string Name { get; }

    /// <summary>Raster CRS coordinates (easting/northing in metres, or lon/lat degrees) to WGS 84.</summary>
    GeoPoint Inverse(double x, double y);

    /// <summary>WGS 84 to raster CRS coordinates.</summary>
    (double X, double Y) Forward(GeoPoint p);
}
