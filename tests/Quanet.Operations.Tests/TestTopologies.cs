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
}
