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

    [Theory]
    [InlineData("{\"sites\":[{\"id\":\"a\",\"id\":\"b\",\"role\":\"cell\",\"lat\":1,\"lon\":2}],\"links\":[]}", "id")]
    [InlineData("{\"sites\":[],\"sites\":[],\"links\":[]}", "sites")]
    public void A_duplicate_property_is_an_input_error_not_an_argument_exception(string json, string property)
    {
        // found by bench/fuzz inventory: JsonObject threw ArgumentException ("same key has already been added") at the first lookup
        var ex = Assert.Throws<InputFormatException>(() => InventoryJson.Parse(json, "inv.json"));

        Assert.StartsWith("inv.json: invalid JSON: Duplicate property", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"'{property}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Derives_the_inventory_from_plan_sites_and_backhaul_links()
    {
        NetworkSite[] cells = [new("s1", SiteRole.Cell, 52.5, 13.4), new("s2", SiteRole.Cell, 52.5, 13.5), new("s3", SiteRole.Cell, 52.5, 13.6)];
        TransportLink[] links = [new("B1", "core", "s1", 7.5), new("B2", "s1", "s2", 6.8), new("B3", "s2", "s2", 0)];

        var inventory = PlanInventory.Build(cells, links);
        var graph = new DependencyGraph(inventory);

        Assert.Equal(SiteRole.Core, inventory.FindSite("core")!.Role);
        Assert.Equal(["s2", "s3"], graph.IsolatedByLink("B2").Order());
        Assert.Equal("s2", inventory.FindLink("X-s3")!.To);
        Assert.Null(inventory.FindLink("B3"));
    }

    [Fact]
    public void Plan_sites_without_backhaul_get_a_synthesised_connected_one()
    {
        var cells = Enumerable.Range(0, 15).Select(i => new NetworkSite($"p{i}", SiteRole.Cell, 52 + (0.01 * (i % 4)), 13 + (0.03 * i))).ToList();

        var inventory = PlanInventory.Build(cells, null, seed: 2);
        var graph = new DependencyGraph(inventory);

        Assert.All(inventory.Sites, s => Assert.True(graph.IsConnected(s.Id)));
        Assert.Equal(2, inventory.Sites.Count(s => s.Role == SiteRole.Aggregation));
    }

    [Fact]
    public void A_plan_without_sites_is_a_domain_error()
    {
        var ex = Assert.Throws<QuanetException>(() => PlanInventory.Build([], null));

        Assert.Equal("the plan has no cell sites", ex.Message);
    }
}
