using Quanet.Core;
using Quanet.Planning.Backhaul;

namespace Quanet.Planning.Tests.Backhaul;

public sealed class BackhaulDesignerTests
{
    // Sites 0.1 degree of longitude apart on the equator (11.12 km each), the PoP west of the first one.
    private static readonly BackhaulNode[] LineSites = [.. Enumerable.Range(1, 8).Select(i => new BackhaulNode($"s{i}", 0, 0.1 * i))];
    private static readonly BackhaulNode[] WestPop = [new("pop", 0, 0)];

    [Fact]
    public void Sites_on_a_line_are_chained_to_the_pop_at_minimum_cost()
    {
        var design = BackhaulDesigner.Design(LineSites, WestPop, options: new BackhaulOptions { CostPerKm = 2 });

        var expectedKm = 8 * 0.1 * Math.PI / 180 * 6371.0088;
        Assert.Equal(8, design.Links.Count);
        Assert.Equal(expectedKm, design.TotalLengthKm, 1e-6);
        Assert.Equal(2 * expectedKm, design.TotalCost, 1e-6);
        Assert.True(design.Optimal);
        Assert.Equal(8, design.MaxHops);
        Assert.Equal("pop", design.Links.Single(l => l.To == "s1").From);
    }

    [Fact]
    public void Hop_limit_gives_the_cheapest_tree_within_the_limit()
    {
        var design = BackhaulDesigner.Design(LineSites, WestPop, options: new BackhaulOptions { HopLimit = 3 });

        // Eight sites d = 11.12 km apart, three links deep at most. The cheapest tree: pop-s1-s2-s3 (3d) and
        // a direct route pop-s6 (6d) branching both ways, s6-s5-s4 and s6-s7-s8 (4d): 13d. (The repair of the
        // chain pop-s1-...-s8 used to give pop-s1-s2-s3, pop-s4 (4d)-s5-s6, pop-s7 (7d)-s8: 17d.)
        var d = 0.1 * Math.PI / 180 * 6371.0088;
        Assert.True(design.MaxHops <= 3);
        Assert.Equal(8, design.Links.Count);
        Assert.True(design.Optimal);
        Assert.Equal(0, design.HopRepairs);
        Assert.Equal(13 * d, design.TotalCost, 1e-3);
        Assert.Equal(design.TotalCost, design.LowerBound, 1e-3);
    }

    [Fact]
    public void A_hop_limit_the_free_tree_meets_changes_nothing()
    {
        var free = BackhaulDesigner.Design(LineSites, WestPop);

        var limited = BackhaulDesigner.Design(LineSites, WestPop, options: new BackhaulOptions { HopLimit = 8 });

        Assert.Equal(free.TotalCost, limited.TotalCost, 1e-6);
        Assert.True(limited.Optimal);
    }

    [Fact]
    public void Existing_fibre_is_preferred_when_cheaper()
    {
        // Two clusters far apart, one PoP in the west: existing fibre between the clusters costs 1%.
        BackhaulNode[] sites = [new("a", 0, 0.1), new("b", 0, 0.2), new("c", 0, 3.0), new("d", 0, 3.1)];
        var design = BackhaulDesigner.Design(sites, WestPop, [("b", "c")], new BackhaulOptions { ExistingCostFactor = 0.01 });

        var link = Assert.Single(design.Links, l => l.Existing);
        Assert.Equal(["b", "c"], new[] { link.From, link.To }.Order());
        Assert.Equal(0.01 * link.LengthKm, link.Cost, 1e-9);
    }

    [Fact]
    public void Each_site_joins_the_nearer_of_two_pops()
    {
        BackhaulNode[] pops = [new("west", 0, 0), new("east", 0, 1.0)];
        BackhaulNode[] sites = [new("w1", 0, 0.05), new("e1", 0, 0.95)];

        var design = BackhaulDesigner.Design(sites, pops);

        Assert.Equal(2, design.PopsUsed);
        Assert.Equal("west", design.Links.Single(l => l.To == "w1").From);
        Assert.Equal("east", design.Links.Single(l => l.To == "e1").From);
    }

    [Fact]
    public void Duplicate_ids_are_rejected()
    {
        var ex = Assert.Throws<QuanetException>(() => BackhaulDesigner.Design([new("x", 0, 0)], [new("x", 0, 1)]));

        Assert.Contains("'x' is used twice", ex.Message, StringComparison.Ordinal);
    }
}
