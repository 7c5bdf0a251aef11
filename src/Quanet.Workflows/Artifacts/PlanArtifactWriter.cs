using System.Text.Json;
using System.Text.Json.Serialization;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Raster;
using Quanet.Planning.Reporting;
using Quanet.Planning.Terrain;
using Quanet.Workflows.Plan;

namespace Quanet.Workflows.Artifacts;

/// <summary>
/// Writes workflow results as a plan directory, each file through its one writer: plan.geojson, plan.html and
/// plan.png; backhaul.geojson (and backhaul.json for the backhaul workflow); security.json and security.geojson.
/// </summary>
public static class PlanArtifactWriter
{
    private static readonly JsonSerializerOptions SummaryOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Writes the plan workflow's result into <paramref name="directory"/> (created if needed).</summary>
    /// <returns>The plan's own files: plan.geojson, plan.html, plan.png.</returns>
    public static IReadOnlyList<string> WritePlan(PlanWorkflowResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        Directory.CreateDirectory(directory);
        var files = new[] { Path.Combine(directory, PlanGeoJsonReader.FileName), Path.Combine(directory, "plan.html"), Path.Combine(directory, "plan.png") };
        PlanGeoJsonWriter.Save(result.Plan, files[0]);
        var report = new PlanReport(result.Plan);
        if (result.Backhaul is { } design)
        {
            BackhaulGeoJsonWriter.Save(design.Links, Path.Combine(directory, BackhaulGeoJsonReader.FileName));
            report.Layers.Add(new BackhaulLayer(design));
            report.Sections.Add(new BackhaulSection(design));
            if (result.Security is { } security)
            {
                WriteSecurity(new SecureWorkflowResult([.. design.Links.Select(BackhaulGeoJsonWriter.Recorded)], security), directory);
                report.Sections.Add(new SecuritySection(security));
            }
        }

        report.Save(files[1]);
        PlanPngWriter.Save(result.Plan, files[2]);
        return files;
    }

    /// <summary>
    /// Exports the plan (sites, coverage, demand and its backhaul if any) into <paramref name="directory"/> in each of
    /// <paramref name="formats"/>: plan.gpkg, plan.kml, plan_*.shp, plan_signal.tif and plan_server.tif.
    /// </summary>
    /// <param name="result">The plan.</param>
    /// <param name="directory">The plan directory.</param>
    /// <param name="formats">The formats.</param>
    /// <param name="rasterResolution">The coverage rasters' pixel size (default <see cref="RasterResolution.Default"/>, 250 m).</param>
    /// <returns>The files written (for Shapefiles the .shp of each file set).</returns>
    public static IReadOnlyList<string> Export(PlanWorkflowResult result, string directory, IEnumerable<PlanExportFormat> formats, RasterResolution? rasterResolution = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        ArgumentNullException.ThrowIfNull(formats);
        var links = result.Backhaul?.Links ?? [];
        var files = new List<string>();
        foreach (var format in formats.Distinct())
        {
            switch (format)
            {
                case PlanExportFormat.Gpkg:
                    files.Add(Path.Combine(directory, "plan.gpkg"));
                    PlanGeoPackageWriter.Save(result.Sites, links, files[^1], result.Security);
                    break;
                case PlanExportFormat.Kml:
                    files.Add(Path.Combine(directory, "plan.kml"));
                    PlanKmlWriter.Save(result.Sites, links, files[^1]);
                    break;
                case PlanExportFormat.Shp:
                    files.AddRange(PlanShapefileWriter.Save(result.Sites, links, directory, result.Security));
                    break;
                case PlanExportFormat.Tif:
                    files.AddRange(CoverageRasterWriter.Save(CoverageRaster(result, rasterResolution ?? RasterResolution.Default), directory));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(formats), format, "unknown export format");
            }
        }

        return files;
    }

    /// <summary>The best-server raster of the plan, over the plan's own DEM when it had one (opened again: the scenario keeps none).</summary>
    public static CoverageRaster CoverageRaster(PlanWorkflowResult result, RasterResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(result);
        var dem = result.Plan.Scenario.Request.DemFiles is { Count: > 0 } demFiles ? ElevationModels.Open(demFiles) : null;
        return CoverageRasterBuilder.Build(result.Plan, resolution, dem);
    }

    /// <summary>Writes backhaul.geojson and its summary backhaul.json into <paramref name="directory"/>.</summary>
    /// <returns>The summary written to backhaul.json.</returns>
    public static BackhaulSummary WriteBackhaul(BackhaulWorkflowResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        var geojson = Path.Combine(directory, BackhaulGeoJsonReader.FileName);
        BackhaulGeoJsonWriter.Save(result.Design.Links, geojson);
        var summary = BackhaulSummary.From(result.Design, result.Plan.Sites.Count, result.Pops.Count, geojson);
        File.WriteAllText(Path.Combine(directory, "backhaul.json"), JsonSerializer.Serialize(summary, SummaryOptions));
        return summary;
    }

    /// <summary>Writes security.json and the map layer security.geojson into <paramref name="directory"/>.</summary>
    public static void WriteSecurity(SecureWorkflowResult result, string directory)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(directory);
        SecurityJsonWriter.Save(result.Decisions, Path.Combine(directory, SecurityJsonReader.FileName));
        SecurityGeoJsonWriter.Save(result.Decisions, result.Links, Path.Combine(directory, SecurityGeoJsonReader.FileName));
    }
}
