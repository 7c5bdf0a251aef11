using System.Text.Json.Nodes;
using CsCheck;
using Quanet.Planning.Artifacts;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Tests.Reporting;
using Quanet.Tests.Shared.Mutation;

namespace Quanet.Planning.Tests.Artifacts.Mutation;

/// <summary>
/// Hostile mutants of plan-directory artifacts as the writers make them (plan.geojson, backhaul.geojson) through
/// their readers: each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class PlanArtifactMutationTests : IDisposable
{
    private const int Iterations = 200;

    private readonly MutantFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Plan_geojson_reader_survives_mutants()
    {
        using var stream = new MemoryStream();
        PlanGeoJsonWriter.Write(ReportWriterTests.SaarlandPlan.Value, stream);

        Run(b => PlanGeoJsonReader.Read(_files.Write(b, PlanGeoJsonReader.FileName)), FirstOfEachKind(stream.ToArray(), 2));
    }

    [Fact]
    public void Backhaul_geojson_reader_survives_mutants()
    {
        var design = BackhaulDesigner.Design([new("s1", 52.52, 13.4), new("s2", 52.4, 13.6), new("s3", 51.34, 12.37)], [new("pop", 52.5, 13.3)]);
        using var stream = new MemoryStream();
        BackhaulGeoJsonWriter.Write(design.Links, stream);

        Run(b => BackhaulGeoJsonReader.Read(_files.Write(b, BackhaulGeoJsonReader.FileName)), System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    // the writer's whole plan (a region outline and a 72-gon per site) makes slow mutants of which most land in
    // geometry the reader skips: keep the top-level fields and the first features of each kind
    private static string FirstOfEachKind(byte[] geojson, int perKind)
    {
        var root = JsonNode.Parse(geojson)!.AsObject();
        var kept = new JsonArray();
        foreach (var group in root["features"]!.AsArray().GroupBy(f => (string?)f!["properties"]!["kind"]))
        {
            foreach (var feature in group.Take(perKind))
            {
                kept.Add(feature!.DeepClone());
            }
        }

        root["features"] = kept;
        return root.ToJsonString();
    }

    private static void Run(Action<byte[]> parse, string seed) =>
        InputMutations.Of(seed).Sample(input => HostileInput.Check(input, parse), iter: Iterations, threads: 1);
}
