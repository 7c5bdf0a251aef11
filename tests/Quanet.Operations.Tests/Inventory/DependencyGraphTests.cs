using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Inventory;

public sealed class DependencyGraphTests
{
    [Fact]
    public void Cutting_a_tree_link_isolates_exactly_the_sites_below_it()
    {
        var graph = new DependencyGraph(TestTopologies.Chain());

        Assert.Equal(["B", "C"], graph.IsolatedByLink("L2"));
        Assert.Equal(["AGG", "A", "B", "C", "D"], graph.IsolatedByLink("R1"));
    }

    [Fact]
    public void Ring_links_protect_their_sites()
    {
        var graph = new DependencyGraph(TestTopologies.Chain());

        Assert.Empty(graph.IsolatedByLink("R3"));
        Assert.Empty(graph.IsolatedByLink("R2"));
        Assert.Equal(["R3", "R2"], graph.PrimaryPath("F").Select(l => l.Id));
    }

    [Fact]
    public void A_failed_transit_site_isolates_its_downstream_sites_but_not_itself()
    {
        var graph = new DependencyGraph(TestTopologies.Chain());

        Assert.Equal(["C"], graph.IsolatedBySite("B"));
        Assert.Equal(["B", "A", "AGG", "CORE"], graph.UpstreamSites("C"));
        Assert.Equal(25, graph.DistanceToCoreKm("C"), 6);
    }

    [Fact]
    public void Layout_serves_each_du_by_the_cu_of_the_first_hub_upstream()
    {
        var inventory = TestTopologies.Chain();

        Assert.Equal("AGG/cu", inventory.FindElement("C/du")!.ServedBy);
        Assert.Equal("CORE/cu", inventory.FindElement("F/du")!.ServedBy);
        Assert.Equal("C/du", inventory.FindElement("C/ru2")!.ServedBy);
        Assert.Equal(InventoryLayout.SectorsPerSite + 2, inventory.ElementsAt("C").Count);
    }
}
