using Quanet.Core.Units;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;
using Quanet.Workflows.Artifacts;

namespace Quanet.Fuzz;

internal static partial class FuzzCatalog
{
    private const string DemandGeoJson = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"id":"a","name":"Berlin","population":3400000}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[10.0,53.5]},"properties":{"weight":1.5}}]}
        """;

    private const string CandidateGeoJson = """
        {"type":"FeatureCollection","features":[
        {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"id":"s1","cost":2,"height":30,"flag":"fixed"}},
        {"type":"Feature","geometry":{"type":"Point","coordinates":[10.0,53.5]},"properties":{"id":"s2","flag":"forbidden"}}]}
        """;

    private static IEnumerable<FuzzTarget> Planning()
    {
        yield return new("demand-csv", "demand points CSV (DemandReader.ReadCsv)", b => DemandReader.ReadCsv(new StringReader(Text(b)), "in.csv"),
            [], ".csv", () => ["id,name,lat,lon,population\na,Berlin,52.5,13.4,3400000\nb,,53.5,10.0,1700000\n", "lat,lon,weight\n1,2,3\n"]);
        yield return new("demand-geojson", "demand points GeoJSON (DemandReader.ReadGeoJson)", b => DemandReader.ReadGeoJson(b, "in.geojson"),
            [], ".geojson", () => [DemandGeoJson]);
        yield return new("candidates-csv", "candidate sites CSV (CandidateReader.ReadCsv)",
            b => CandidateReader.ReadCsv(new StringReader(Text(b)), "in.csv", new Metres(25)),
            [], ".csv", () => ["id,name,lat,lon,cost,height,flag\ns1,A,52.5,13.4,2,30,fixed\ns2,,53.5,10.0,1,25,free\n"]);
        yield return new("candidates-geojson", "candidate sites GeoJSON (CandidateReader.ReadGeoJson)",
            b => CandidateReader.ReadGeoJson(b, "in.geojson", new Metres(25)),
            [], ".geojson", () => [CandidateGeoJson]);
        yield return new("outline", "region outline GeoJSON (OutlineReader)", b => OutlineReader.Read(b, "in.geojson"),
            ["data/outline-DE.geojson"], ".geojson",
            () => ["{\"type\":\"Feature\",\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[13,52],[14,52],[14,53],[13,53],[13,52]]]},\"properties\":{}}"]);
        yield return new("region-shp", "region polygon Esri Shapefile .shp (RegionFileReader: layout check, NetTopologySuite.IO.Esri)",
            b => RegionFileReader.ReadFile(ScratchFile.Write(b, "region.shp")), ["generated/plan/plan_coverage.shp"], ".shp", () => []);
        yield return new("region-gpkg", "region polygon GeoPackage (RegionFileReader: SQLite, GeoPackage binary, WKB)",
            b => RegionFileReader.ReadFile(ScratchFile.Write(b, "region.gpkg")), ["generated/plan/plan.gpkg"], ".gpkg", () => []);
        yield return new("places", "places CSV (PlacesCsvReader)", b => PlacesCsvReader.Read(new StringReader(Text(b)), "in.csv"),
            [], ".csv", () => [string.Join('\n', File.Exists("data/places-DE.csv") ? File.ReadLines("data/places-DE.csv").Take(20) : ["geonames_id,name,country,admin1,feature_code,population,lat,lon"])]);
        yield return new("plan-geojson", "plan.geojson artifact (PlanGeoJsonReader)", b => PlanGeoJsonReader.Read(ScratchFile.Write(b, "plan.geojson")),
            ["generated/plan/plan.geojson"], ".geojson", () => []);
        yield return new("backhaul-geojson", "backhaul.geojson artifact (BackhaulGeoJsonReader)",
            b => BackhaulGeoJsonReader.Read(ScratchFile.Write(b, "backhaul.geojson")),
            ["generated/plan/backhaul.geojson"], ".geojson", () => []);
        yield return new("security-json", "security.json artifact (SecurityJsonReader)", b => SecurityJsonReader.Read(ScratchFile.Write(b, "security.json")),
            ["generated/plan/security.json"], ".json", () => []);
        yield return new("security-geojson", "security.geojson artifact (SecurityGeoJsonReader)",
            b => SecurityGeoJsonReader.Read(ScratchFile.Write(b, "security.geojson")),
            ["generated/plan/security.geojson"], ".geojson", () => []);
        yield return new("pops-csv", "backhaul PoPs CSV (BackhaulFiles.ReadPops)", b => BackhaulFiles.ReadPops(ScratchFile.Write(b, "pops.csv")),
            [], ".csv", () => ["id,lat,lon\nberlin,52.5,13.4\nhamburg,53.5,10.0\n"]);
        yield return new("fibre-csv", "existing fibre CSV (BackhaulFiles.ReadExistingFibre)",
            b => BackhaulFiles.ReadExistingFibre(ScratchFile.Write(b, "fibre.csv")),
            [], ".csv", () => ["from,to\ns1,berlin\ns2,s1\n"]);
    }
}
