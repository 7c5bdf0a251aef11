using Quanet.Core;
using Quanet.Operations.Inventory;
using Quanet.Workflows.Operations;

namespace Quanet.Workflows.Tests.Operations;

public sealed class TopologyLoaderTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("quanet-topology-");

    public void Dispose() => _dir.Delete(true);

    [Fact]
    public void Derives_the_inventory_from_a_plan_directory_with_backhaul()
    {
        File.WriteAllText(Path.Combine(_dir.FullName, "plan.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"kind":"site","id":"s1"}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[13.5,52.5]},"properties":{"kind":"site","id":"s2"}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[13.6,52.5]},"properties":{"kind":"site","id":"s3"}},
             {"type":"Feature","geometry":{"type":"Point","coordinates":[13.6,52.6]},"properties":{"kind":"demand","id":"d1","population":10}}]}
            """);
        File.WriteAllText(Path.Combine(_dir.FullName, "backhaul.geojson"), """
            {"type":"FeatureCollection","features":[
             {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.3,52.5],[13.4,52.5]]},"properties":{"from":"core","to":"s1","length_km":7.5}},
             {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.4,52.5],[13.5,52.5]]},"properties":{"from":"s1","to":"s2","length_km":6.8}}]}
            """);

        var (inventory, name) = TopologyLoader.Load(_dir.FullName, null, 40, 1);
        var graph = new DependencyGraph(inventory);

        Assert.Equal($"plan {_dir.Name}", name);
        Assert.Equal(SiteRole.Core, inventory.FindSite("core")!.Role);
        Assert.Equal(["s2", "s3"], graph.IsolatedByLink("B2").Order());
        Assert.Equal("s2", inventory.FindLink("X-s3")!.To);
        Assert.Null(inventory.FindSite("d1"));
    }

    [Fact]
    public void A_plan_without_backhaul_gets_a_synthesised_connected_one()
    {
        var features = string.Join(",", Enumerable.Range(0, 15).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{13 + (0.03 * i)}}},{{{52 + (0.01 * (i % 4))}}}]},"properties":{"kind":"site","id":"p{{{i}}}"}}""")));
        File.WriteAllText(Path.Combine(_dir.FullName, "plan.geojson"), $$"""{"type":"FeatureCollection","features":[{{features}}]}""");

        var inventory = TopologyLoader.FromPlan(_dir.FullName, seed: 2);
        var graph = new DependencyGraph(inventory);

        Assert.All(inventory.Sites, s => Assert.True(graph.IsConnected(s.Id)));
        Assert.Equal(2, inventory.Sites.Count(s => s.Role == SiteRole.Aggregation));
    }

    [Fact]
    public void A_directory_without_a_plan_is_a_domain_error_naming_the_file()
    {
        var ex = Assert.Throws<QuanetException>(() => TopologyLoader.FromPlan(_dir.FullName));

        Assert.StartsWith($"{Path.Combine(_dir.FullName, "plan.geojson")}: not found", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_plan_or_inventory_the_network_is_synthetic()
    {
        var (inventory, name) = TopologyLoader.Load(null, null, 12, 3);

        Assert.Equal("synthetic (12 cell sites, seed 3)", name);
        Assert.Equal(12, inventory.Sites.Count(s => s.Role == SiteRole.Cell));
    }
}
