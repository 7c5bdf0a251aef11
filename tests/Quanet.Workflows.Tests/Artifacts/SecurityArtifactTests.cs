using Quanet.Core;
using Quanet.Core.Units;
using Quanet.Planning.Backhaul;
using Quanet.Planning.Geography;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Tests.Artifacts;

public sealed class SecurityArtifactTests : IDisposable
{
    private static readonly BackhaulLink[] Links =
    [
        new("S1", "S2", 21.4, 21.4, false, 52.52, 13.4, 52.4, 13.6),
        new("S1", "S3", 162, 162, false, 52.52, 13.4, 51.34, 12.37),
        new("S1", "S4", 585, 585, false, 52.52, 13.4, 48.14, 11.58),
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-security-artifact-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static SecurityDecisions Decide(SecurityPolicy policy)
    {
        var planner = new LinkSecurityPlanner(policy.Link, policy.Protocol, policy.MaxTrustedNodes);
        return new SecurityDecisions(policy, [.. Links.Select(l => new LinkProtection(l.From, l.To, planner.Decide(new Kilometres(l.LengthKm), policy.RequiredRateBitsPerSecond)))]);
    }

    [Fact]
    public void Security_json_reads_back_what_was_written()
    {
        var decisions = Decide(new SecurityPolicy { RequiredRateBitsPerSecond = 5_000, MaxTrustedNodes = 2, Protocol = QkdProtocol.Decoy });
        var path = Path.Combine(_dir, SecurityJsonReader.FileName);

        SecurityJsonWriter.Save(decisions, path);
        var read = SecurityJsonReader.Read(path);

        Assert.Equal(decisions.Links, read.Links);
        Assert.Equal(decisions.Policy with { Link = read.Policy.Link }, read.Policy);
        Assert.Equal(decisions.Policy.Link.AttenuationDbPerKm, read.Policy.Link.AttenuationDbPerKm);
        Assert.Equal([LinkSecurityMode.QkdDirect, LinkSecurityMode.QkdTrustedNodes, LinkSecurityMode.PqcHybrid], read.Links.Select(l => l.Decision.Mode));
    }

    [Fact]
    public void Security_geojson_reads_back_the_links_and_evenly_spaced_trusted_nodes()
    {
        var decisions = Decide(new SecurityPolicy());
        var path = Path.Combine(_dir, SecurityGeoJsonReader.FileName);

        SecurityGeoJsonWriter.Save(decisions, Links, path);
        var map = SecurityGeoJsonReader.Read(path);

        Assert.Equal(
            Links.Zip(decisions.Links, (l, d) => new SecurityMapLink(l.From, l.To, l.LengthKm, d.Decision.Mode, d.Decision.TrustedNodes, d.Decision.KeyRateBitsPerSecond, new GeoPoint(l.FromLat, l.FromLon), new GeoPoint(l.ToLat, l.ToLon))),
            map.Links);
        var node = Assert.Single(map.TrustedNodes); // 162 km: one trusted node halfway
        Assert.Equal(new TrustedNodeSite("S1-S3", 1, new GeoPoint((52.52 + 51.34) / 2, (13.4 + 12.37) / 2)), node);
    }

    [Fact]
    public void A_malformed_link_in_security_json_names_the_file_and_line()
    {
        var path = Path.Combine(_dir, SecurityJsonReader.FileName);
        SecurityJsonWriter.Save(Decide(new SecurityPolicy()), path);
        var lines = File.ReadAllLines(path);
        var at = Array.FindIndex(lines, l => l.Contains("\"mode\": \"pqc-hybrid\"", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("pqc-hybrid", "carrier-pigeon", StringComparison.Ordinal);
        File.WriteAllLines(path, lines);
        var start = Array.FindLastIndex(lines, at, l => l.Trim() == "{") + 1;

        var ex = Assert.Throws<InputFormatException>(() => SecurityJsonReader.Read(path));

        Assert.Equal($"{path}:{start}: link 3: S1 -> S4: \"mode\" must be qkd-direct, qkd-trusted-nodes or pqc-hybrid", ex.Message);
    }
}
