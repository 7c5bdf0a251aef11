namespace Quanet.Workflows.Artifacts;

/// <summary>GIS formats a plan is exported to besides plan.geojson (<c>--export</c>).</summary>
public enum PlanExportFormat
{
    /// <summary>OGC GeoPackage <c>plan.gpkg</c>: one layer per feature kind.</summary>
    Gpkg,

    /// <summary>KML 2.2 <c>plan.kml</c> for Google Earth: styled site pins, coverage polygons, backhaul.</summary>
    Kml,

    /// <summary>Esri Shapefiles <c>plan_*.shp</c>: one file set per geometry type.</summary>
    Shp,

    /// <summary>GeoTIFF coverage rasters <c>plan_signal.tif</c> (best-server received power, dBm) and <c>plan_server.tif</c> (best server).</summary>
    Tif,
}
