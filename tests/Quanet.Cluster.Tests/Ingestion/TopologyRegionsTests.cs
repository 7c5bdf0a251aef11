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
    public void A_hubs_events_go_to_its_region_and_to_the_regions_its_links_and_xn_peers_reach_and_a_cell_sites_only_to_its_own()
    {
        var inventory = SyntheticInventory.Create(cellSites: 60, seed: 3);
        var regions = TopologyRegions.FromInventory(inventory);
        var xn = new XnNeighbourhood(inventory);

        foreach (var site in inventory.Sites)
        {
            var own = regions.RegionOf(site.Id);
            var expected = new SortedSet<string>(StringComparer.Ordinal);
            if (site.Role != SiteRole.Cell)
            {
                expected.UnionWith(inventory.LinksOf(site.Id).Select(l => l.Other(site.Id))
                    .Where(o => inventory.FindSite(o)!.Role != SiteRole.Cell).Select(regions.RegionOf));
                expected.UnionWith(inventory.ElementsAt(site.Id).Where(e => e.Kind == ElementKind.CentralUnit)
                    .SelectMany(e => xn.Peers(e.Id)).Select(regions.RegionOf));
                expected.Remove(own);
            }

            foreach (var source in inventory.ElementsAt(site.Id).Select(e => e.Id).Append(site.Id))
            {
                Assert.Equal([own, .. expected], regions.RegionsOf(source));
                Assert.True(regions.Sees(own, source));
                Assert.All(regions.Regions.Except([own, .. expected]), r => Assert.False(regions.Sees(r, source)));
            }
        }

        Assert.Contains(inventory.Sites, s => s.Role == SiteRole.Aggregation && regions.RegionsOf(s.Id).Count > 2);
        Assert.Equal([TopologyRegions.Unassigned], regions.RegionsOf("not-in-the-inventory"));
    }

    [Fact]
    public void An_incident_is_owned_by_its_root_causes_region_and_a_link_between_regions_by_the_first_by_name()
    {
        var inventory = SyntheticInventory.Create(cellSites: 60, seed: 3);
        var regions = TopologyRegions.FromInventory(inventory);

        var cell = inventory.Elements.First(e => inventory.FindSite(e.SiteId)!.Role == SiteRole.Cell);
        Assert.Equal(regions.RegionOf(cell.Id), regions.OwnerOf(cell.Id));
        Assert.Equal(regions.RegionOf(cell.SiteId), regions.OwnerOf(cell.SiteId));
        var between = inventory.Links.First(l => regions.RegionOf(l.From) != regions.RegionOf(l.To));
        var first = string.CompareOrdinal(regions.RegionOf(between.From), regions.RegionOf(between.To)) < 0 ? between.From : between.To;
        Assert.Equal(regions.RegionOf(first), regions.OwnerOf(between.Id));
        var within = inventory.Links.First(l => regions.RegionOf(l.From) == regions.RegionOf(l.To));
        Assert.Equal(regions.RegionOf(within.From), regions.OwnerOf(within.Id));
        Assert.Equal(TopologyRegions.Unassigned, regions.OwnerOf("nothing"));
    }

    [Fact]
    public void A_region_name_outside_the_subject_alphabet_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => TopologyRegions.Subject("a.b"));

        Assert.StartsWith("region 'a.b' may hold only a-z, 0-9, '_' and '-'", error.Message, StringComparison.Ordinal);
        Assert.Equal("quanet.ves.h01", TopologyRegions.Subject("h01"));
    }
}
