using CsCheck;
using Quanet.Core.Units;
using Quanet.Planning.Backhaul;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;
using Quanet.Tests.Shared.Mutation;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Tests.Artifacts.Mutation;

/// <summary>
/// Hostile mutants of the security artifacts as the writers make them (security.json, security.geojson) through
/// their readers: each either reads or refuses with one printable line, within bounded memory and time (issue #16).
/// </summary>
public sealed class SecurityArtifactMutationTests : IDisposable
{
    private const int Iterations = 200;

    // one link of each mode: direct QKD, QKD through trusted nodes, PQC hybrid
    private static readonly BackhaulLink[] Links =
    [
        new("S1", "S2", 21.4, 21.4, false, 52.52, 13.4, 52.4, 13.6),
        new("S1", "S3", 162, 162, true, 52.52, 13.4, 51.34, 12.37),
        new("S1", "S4", 585, 585, false, 52.52, 13.4, 48.14, 11.58),
    ];

    private readonly MutantFiles _files = new();

    public void Dispose() => _files.Dispose();

    [Fact]
    public void Security_json_reader_survives_mutants()
    {
        var path = _files.Write([], "seed.json");
        SecurityJsonWriter.Save(Decisions(), path);

        Run(b => SecurityJsonReader.Read(_files.Write(b, SecurityJsonReader.FileName)), File.ReadAllText(path));
    }

    [Fact]
    public void Security_geojson_reader_survives_mutants()
    {
        var path = _files.Write([], "seed.geojson");
        SecurityGeoJsonWriter.Save(Decisions(), Links, path);

        Run(b => SecurityGeoJsonReader.Read(_files.Write(b, SecurityGeoJsonReader.FileName)), File.ReadAllText(path));
    }

    private static SecurityDecisions Decisions()
    {
        var policy = new SecurityPolicy { RequiredRateBitsPerSecond = 5_000, MaxTrustedNodes = 2, Protocol = QkdProtocol.Decoy };
        var planner = new LinkSecurityPlanner(policy.Link, policy.Protocol, policy.MaxTrustedNodes);
        return new SecurityDecisions(policy, [.. Links.Select(l => new LinkProtection(l.From, l.To, planner.Decide(new Kilometres(l.LengthKm), policy.RequiredRateBitsPerSecond)))]);
    }

    private static void Run(Action<byte[]> parse, string seed) =>
        InputMutations.Of(seed).Sample(input => HostileInput.Check(input, parse), iter: Iterations, threads: 1);
}
