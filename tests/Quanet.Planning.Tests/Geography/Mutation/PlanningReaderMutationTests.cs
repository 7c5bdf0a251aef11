using CsCheck;
using Quanet.Core;
using Quanet.Core.Units;
using Quanet.Planning.Geography;
using Quanet.Planning.Placement;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Planning.Tests.Geography.Mutation;

/// <summary>
/// Hostile mutants of valid files through the planning readers' public entries: each either reads or
/// refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class PlanningReaderMutationTests
{
    private const int Iterations = 150;

    private static readonly FormatLimits Limits = FormatLimits.Default with { MaxVariables = 100_000 };

    private const string PointsGeoJson = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","geometry":{"type":"Point","coordinates":[8.54,47.37]},"properties":{"id":"a","name":"Zurich","population":400000,"cost":2,"height":30,"flag":"fixed"}},
         {"type":"Feature","geometry":{"type":"Point","coordinates":[7.44,46.95]},"properties":{"weight":1.5e3}}
        ]}
        """;

    private const string OutlineGeoJson = """
        {"type":"FeatureCollection","features":[
         {"type":"Feature","geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]},"properties":{}},
         {"type":"Feature","geometry":{"type":"MultiPolygon","coordinates":[[[[2,2],[3,2],[3,3],[2,2]]]]},"properties":null}
        ]}
        """;

    [Fact]
    public void Demand_csv_reader_survives_mutants() =>
        Run(t => DemandReader.ReadCsv(new StringReader(t), "d.csv"), "id,name,lat,lon,population\nd1,\"Bern, BE\",46.95,7.44,134000\nd2,Thun,46.76,7.63,43000\n");

    [Fact]
    public void Demand_geojson_reader_survives_mutants() =>
        RunBytes(b => DemandReader.ReadGeoJson(b, "d.geojson", Limits), PointsGeoJson);

    [Fact]
    public void Candidate_readers_survive_mutants()
    {
        Run(t => CandidateReader.ReadCsv(new StringReader(t), "c.csv", new Metres(30)), "id,lat,lon,cost,height,flag,name\ns1,46.95,7.44,1.5,25,free,A\ns2,46.76,7.63,,,forbidden,\n");
        RunBytes(b => CandidateReader.ReadGeoJson(b, "c.geojson", new Metres(30), Limits), PointsGeoJson);
    }

    [Fact]
    public void Places_csv_reader_survives_mutants() =>
        Run(
            t => PlacesCsvReader.Read(new StringReader(t), "places.csv"),
            "geonames_id,name,country,admin1,feature_code,population,lat,lon\n2661552,Bern,CH,BE,PPLC,121631,46.94809,7.44744\n");

    // the union's cost grows faster than the input (thousands of repeated polygons take minutes on a loaded
    // machine), so outlines, which come from the embedded data, are held to 16 KiB here; larger ones are refused
    [Fact]
    public void Outline_reader_survives_mutants() =>
        RunBytes(b => OutlineReader.Read(b, "o.geojson", Limits with { MaxInputBytes = 16 << 10 }), OutlineGeoJson);

    [Fact]
    public void Beasley_set_cover_reader_survives_mutants() =>
        Run(t => BeasleySetCoverReader.Read(new StringReader(t), "scp.txt", Limits), "3 4\n1 2 1 3\n2\n1 2\n1\n3\n3\n1 3 4\n");

    private static void Run(Action<string> parse, string seed) =>
        RunBytes(bytes => parse(HostileInput.Text(bytes)), seed);

    private static void RunBytes(Action<byte[]> parse, string seed) =>
        InputMutations.Of(seed).Sample(input => HostileInput.Check(input, parse), iter: Iterations, threads: 1);
}
