using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests;

/// <summary>Small hand-made topologies whose dependencies are known.</summary>
internal static class TestTopologies
{
    /// <summary>
    /// CORE - AGG (link R1); AGG - A (L1); A - B (L2); B - C (L3); AGG - D (L4); plus a ring
    /// CORE - E (R2), E - F (R3), F - CORE (R4). Cutting L2 isolates B and C; E and F are ring-protected.
    /// </summary>
    public static NetworkInventory Chain()
    {
        var sites = new List<NetworkSite>
        {
            new("CORE", SiteRole.Core, 0, 0),
            new("AGG", SiteRole.Aggregation, 0, 0.1),
            new("A", SiteRole.Cell, 0, 0.2),
            new("B", SiteRole.Cell, 0, 0.3),
            new("C", SiteRole.Cell, 0, 0.4),
            new("D", SiteRole.Cell, 0.1, 0.2),
            new("E", SiteRole.Cell, -0.1, 0),
            new("F", SiteRole.Cell, -0.1, 0.1),
        };
        var links = new List<TransportLink>
        {
            new("R1", "CORE", "AGG", 10),
            new("L1", "AGG", "A", 5),
            new("L2", "A", "B", 5),
            new("L3", "B", "C", 5),
            new("L4", "AGG", "D", 5),
            new("R2", "CORE", "E", 5),
            new("R3", "E", "F", 5),
            new("R4", "F", "CORE", 20),
        };
        return InventoryLayout.Build(sites, links);
    }

    /// <summary>
    /// Three hubs on a ring through the core: CORE - G1 (K1), G1 - G2 (K2), G2 - G3 (K3), G3 - CORE (K4),
    /// each hub (an O-CU) with two leaf cell sites: P, Q north under G1; R, S east under G2; T, U south
    /// under G3. With three neighbour sites per cell site, G2's cells border both other hubs' cells,
    /// G1's and G3's do not border each other: Xn-C peers are G1-G2 and G2-G3.
    /// </summary>
    public static NetworkInventory Hubs()
    {
        var sites = new List<NetworkSite>
        {
            new("CORE", SiteRole.Core, 0, 0),
            new("G1", SiteRole.Aggregation, 0.08, 0),
            new("G2", SiteRole.Aggregation, 0, 0.08),
            new("G3", SiteRole.Aggregation, -0.08, 0),
            new("P", SiteRole.Cell, 0.1, 0.02),
            new("Q", SiteRole.Cell, 0.12, 0),
            new("R", SiteRole.Cell, 0.02, 0.1),
            new("S", SiteRole.Cell, 0, 0.12),
            new("T", SiteRole.Cell, -0.1, 0.02),
            new("U", SiteRole.Cell, -0.12, 0),
        };
        var links = new List<TransportLink>
        {
            new("K1", "CORE", "G1", 9),
            new("K2", "G1", "G2", 12),
            new("K3", "G2", "G3", 13),
            new("K4", "G3", "CORE", 9),
            new("LP", "G1", "P", 3),
            new("LQ", "G1", "Q", 4),
            new("LR", "G2", "R", 3),
            new("LS", "G2", "S", 4),
            new("LT", "G3", "T", 3),
            new("LU", "G3", "U", 4),
        };
        return InventoryLayout.Build(sites, links);
    }
}
