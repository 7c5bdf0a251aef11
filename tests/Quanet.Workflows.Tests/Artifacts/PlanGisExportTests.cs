using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Workflows.Tests.Artifacts;

/// <summary>
/// A real plan (Saarland, 5 sites, backhaul and security) exported in every format and opened by GDAL: each layer with
/// its geometry type, the plan's own feature counts and WGS 84; the sites read back as candidates.
/// </summary>
public sealed class PlanGisExportTests : IClassFixture<PlanGisExportTests.Exported>
{
    private readonly Exported _e;

    public PlanGisExportTests(Exported exported) => _e = exported;

    [OgrinfoFact]
    public void The_geopackage_has_every_layer_with_the_plans_counts_in_wgs84()
    {
        var summary = Ogrinfo.Summary(_e.File("plan.gpkg"));

        var layers = Ogrinfo.Layers(summary);
        Assert.Equal(["backhaul", "coverage", "demand", "links", "sites"], layers.Keys.Order());
        Assert.Equal(("Point", _e.Sites), layers["sites"]);
        Assert.Equal(("Polygon", _e.Sites), layers["coverage"]);
        Assert.Equal(("Point", _e.Demand), layers["demand"]);
        Assert.Equal(("Line String", _e.Links), layers["backhaul"]);
        Assert.Equal(("Line String", _e.Links), layers["links"]);
        foreach (var (name, text) in Ogrinfo.LayerTexts(summary))
        {
            Assert.True(text.Contains("GEOGCRS[\"WGS 84\"", StringComparison.Ordinal) && text.Contains("ID[\"EPSG\",4326]", StringComparison.Ordinal), name + " is not in WGS 84");
        }

        Assert.Contains("flag: String", Ogrinfo.LayerTexts(summary)["sites"], StringComparison.Ordinal);
        Assert.Contains("mode: String", Ogrinfo.LayerTexts(summary)["links"], StringComparison.Ordinal);
    }

    [OgrinfoFact]
    public void Every_shapefile_set_has_its_geometry_type_count_and_wgs84()
    {
        (string Name, string Geometry, int Count)[] expected =
        [
            ("plan_sites", "Point", _e.Sites), ("plan_coverage", "Polygon", _e.Sites), ("plan_demand", "Point", _e.Demand),
            ("plan_backhaul", "Line String", _e.Links), ("plan_links", "Line String", _e.Links),
        ];
        Assert.Equal(expected.Select(x => x.Name + ".shp"), _e.Files.Where(f => f.EndsWith(".shp", StringComparison.Ordinal)).Select(Path.GetFileName));
        foreach (var (name, geometry, count) in expected)
        {
            var summary = Ogrinfo.Summary(_e.File(name + ".shp"));
            Assert.Equal((geometry, count), Ogrinfo.Layers(summary)[name]);
            Assert.Contains("GEOGCRS[\"WGS 84\"", summary, StringComparison.Ordinal);
        }
    }

    [OgrinfoFact]
    public void The_kml_and_the_geojson_open_with_their_layers_and_counts()
    {
        var kml = Ogrinfo.Layers(Ogrinfo.Summary(_e.File("plan.kml")));
        Assert.Equal(_e.Sites, kml["sites"].Count);
        Assert.Equal(_e.Sites, kml["coverage"].Count);
        Assert.Equal(_e.Links, kml["backhaul"].Count);

        var geojsonSummary = Ogrinfo.Summary(_e.File("plan.geojson"));
        var geojson = Ogrinfo.Layers(geojsonSummary)["plan"];

        // the region outline, a coverage disc and a pin per site, every demand point
        Assert.Equal(1 + (2 * _e.Sites) + _e.Demand, geojson.Count);
        Assert.Contains("ID[\"EPSG\",4326]", geojsonSummary, StringComparison.Ordinal);
        var security = Ogrinfo.Layers(Ogrinfo.Summary(_e.File("security.geojson")))["security"];
        Assert.True(security.Count >= _e.Links, "a line per link and a point per trusted node");
    }

    [OgrinfoFact]
    public void Gdalinfo_opens_both_rasters_in_wgs84_with_their_types_and_nodata()
    {
        foreach (var (file, type, nodata) in new[] { ("plan_signal.tif", "Float32", -9999.0), ("plan_server.tif", "Int32", 0.0) })
        {
            using var info = JsonDocument.Parse(Run("gdalinfo", "-json", "-stats", _e.File(file)));
            var band = info.RootElement.GetProperty("bands")[0];
            Assert.Equal(type, band.GetProperty("type").GetString());
            Assert.Equal(nodata, band.GetProperty("noDataValue").GetDouble());
            Assert.EndsWith("ID[\"EPSG\",4326]]", info.RootElement.GetProperty("coordinateSystem").GetProperty("wkt").GetString(), StringComparison.Ordinal);
            if (type == "Int32")
            {
                Assert.Equal(1, band.GetProperty("minimum").GetDouble());
                Assert.Equal(_e.Sites, band.GetProperty("maximum").GetDouble());
            }
            else
            {
                // the weakest pixel is at a disc's edge, where the received power meets the sensitivity
                Assert.Equal(_e.Result.Plan.Scenario.Request.LinkBudget.Sensitivity.Value, band.GetProperty("minimum").GetDouble(), 0.5);
            }
        }
    }

    [Fact]
    public void The_exported_sites_read_back_as_the_same_candidates_from_geopackage_and_shapefile()
    {
        var expected = _e.Result.Plan.Result.Sites.Select(j => _e.Result.Plan.Scenario.Sites[j]).ToList();

        foreach (var file in new[] { "plan.gpkg", "plan_sites.shp" })
        {
            SqliteConnection.ClearAllPools();
            var read = CandidateReader.ReadFile(_e.File(file), new Metres(99));

            Assert.Equal(expected.Select(s => (s.Id, s.Name, s.Cost, s.Height, s.Flag)), read.Select(s => (s.Id, s.Name, s.Cost, s.Height, s.Flag)));
            Assert.All(expected.Zip(read), p =>
            {
                Assert.Equal(p.First.Location.Latitude, p.Second.Location.Latitude, 6);
                Assert.Equal(p.First.Location.Longitude, p.Second.Location.Longitude, 6);
            });
        }
    }

    private static string Run(string program, params string[] arguments)
    {
        var path = Path.Combine(Path.GetDirectoryName(OgrinfoFactAttribute.Program)!, program);
        var info = new ProcessStartInfo(path, arguments) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{program} failed: {error}");
        return output.Result;
    }

    /// <summary>The plan, run once for the class, and its directory with every export.</summary>
    public sealed class Exported : IDisposable
    {
        public Exported()
        {
            var request = new PlanWorkflowRequest
            {
                Scenario = new PlanRequest { Admin1 = "09", Goal = new PlacementGoal { MaxSites = 5 } },
                Solvers = [new CpSatPlacementSolver()],
                TimeLimit = TimeSpan.FromSeconds(60),
                Backhaul = new BackhaulStepOptions(),
                Security = new SecurityPolicy(),
            };
            Result = new PlanWorkflow().RunAsync(request).GetAwaiter().GetResult();
            Files = [.. PlanArtifactWriter.WritePlan(Result, Directory),
                .. PlanArtifactWriter.Export(Result, Directory, [PlanExportFormat.Gpkg, PlanExportFormat.Kml, PlanExportFormat.Shp, PlanExportFormat.Tif])];
        }

        public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("quanet-gis-export-").FullName;

        public PlanWorkflowResult Result { get; }

        public IReadOnlyList<string> Files { get; }

        public int Sites => Result.Sites.Sites.Count;

        public int Demand => Result.Sites.Demand.Count;

        public int Links => Result.Backhaul!.Links.Count;

        public string File(string name) => Path.Combine(Directory, name);

        public void Dispose()
        {
            SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
