using Quanet.Core;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Inventory;

public sealed class InventoryLoadingTests
{
    [Fact]
    public void Json_round_trip_keeps_sites_links_and_elements()
    {
        var inventory = SyntheticInventory.Create(12, seed: 3);

        var again = InventoryJson.Parse(InventoryJson.Write(inventory), "inv.json");

        Assert.Equal(inventory.Sites, again.Sites);
        Assert.Equal(inventory.Links, again.Links);
        Assert.Equal(inventory.Elements, again.Elements);
    }

    [Fact]
    public void Synthetic_inventory_is_seeded_and_connected()
    {
        var a = SyntheticInventory.Create(40, seed: 7);
        var b = SyntheticInventory.Create(40, seed: 7);
        var graph = new DependencyGraph(a);

        Assert.Equal(a.Links, b.Links);
        Assert.All(a.Sites, s => Assert.True(graph.IsConnected(s.Id), s.Id));
        Assert.Equal(40, a.Sites.Count(s => s.Role == SiteRole.Cell));
    }

    [Fact]
    public void Rejects_a_link_to_an_unknown_site_naming_the_file()
    {
        const string json = """{"sites":[{"id":"C","role":"core"}],"links":[{"id":"L","from":"C","to":"X"}]}""";

        var ex = Assert.Throws<InputFormatException>(() => InventoryJson.Parse(json, "inv.json"));

        Assert.Equal("inv.json: inventory: link 'L' joins unknown site 'X'", ex.Message);
    }

    [Fact]
    public void Derives_the_inventory_from_a_plan_directory_with_backhaul()
    {
        var dir = Directory.CreateTempSubdirectory("quanet-plan-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "plan.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[13.4,52.5]},"properties":{"kind":"site","id":"s1"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[13.5,52.5]},"properties":{"kind":"site","id":"s2"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[13.6,52.5]},"properties":{"kind":"site","id":"s3"}},
                 {"type":"Feature","geometry":{"type":"Point","coordinates":[13.6,52.6]},"properties":{"kind":"demand","id":"d1"}}]}
                """);
            File.WriteAllText(Path.Combine(dir.FullName, "backhaul.geojson"), """
                {"type":"FeatureCollection","features":[
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.3,52.5],[13.4,52.5]]},"properties":{"from":"core","to":"s1","length_km":7.5}},
                 {"type":"Feature","geometry":{"type":"LineString","coordinates":[[13.4,52.5],[13.5,52.5]]},"properties":{"from":"s1","to":"s2","length_km":6.8}}]}
                """);

            var inventory = PlanInventory.Load(dir.FullName);
            var graph = new DependencyGraph(inventory);

            Assert.Equal(SiteRole.Core, inventory.FindSite("core")!.Role);
            Assert.Equal(["s2", "s3"], graph.IsolatedByLink("B2").Order());
            Assert.Equal("s2", inventory.FindLink("X-s3")!.To);
            Assert.Null(inventory.FindSite("d1"));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void A_plan_without_backhaul_gets_a_synthesised_connected_one()
    {
        var dir = Directory.CreateTempSubdirectory("quanet-plan-");
        try
        {
            var features = string.Join(",", Enumerable.Range(0, 15).Select(i =>
                $$$"""{"type":"Feature","geometry":{"type":"Point","coordinates":[{{{13 + (0.03 * i)}}},{{{52 + (0.01 * (i % 4))}}}]},"properties":{"kind":"site","id":"p{{{i}}}"}}"""));
            File.WriteAllText(Path.Combine(dir.FullName, "plan.geojson"), $$"""{"type":"FeatureCollection","features":[{{features}}]}""");

            var inventory = PlanInventory.Load(dir.FullName, seed: 2);
            var graph = new DependencyGraph(inventory);

            Assert.All(inventory.Sites, s => Assert.True(graph.IsConnected(s.Id)));
            Assert.Equal(2, inventory.Sites.Count(s => s.Role == SiteRole.Aggregation));
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
