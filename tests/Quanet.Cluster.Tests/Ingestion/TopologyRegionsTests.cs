using Quanet.Cluster.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class TopologyRegionsTests
{
    [Fact]
    public void Every_cell_site_element_is_in_the_region_of_the_first_hub_on_its_primary_path()
    {
        var inventory = SyntheticInventory.Create(cellSites: 60, seed: 3);
        var graph = new DependencyGraph(inventory);

        var regions = TopologyRegions.FromInventory(inventory);

        foreach (var element in inventory.Elements.Where(e => inventory.FindSite(e.SiteId)!.Role == SiteRole.Cell))
        {
            var hub = graph.UpstreamSites(element.SiteId).First(s => inventory.FindSite(s)!.Role != SiteRole.Cell);
            Assert.Equal(hub.ToLowerInvariant(), regions.RegionOf(element.Id));
        }

        Assert.Equal(inventory.Sites.Count(s => s.Role != SiteRole.Cell), regions.Regions.Count);
        Assert.Equal(TopologyRegions.Unassigned, regions.RegionOf("not-in-the-inventory"));
    }

    [Fact]
    public void A_region_name_outside_the_subject_alphabet_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TopologyRegions.Subject("a.b"));

        Assert.StartsWith("region 'a.b' may hold only a-z, 0-9, '_' and '-'", error.Message, StringComparison.Ordinal);
        Assert.Equal("quanet.ves.h01", TopologyRegions.Subject("h01"));
    }
}
