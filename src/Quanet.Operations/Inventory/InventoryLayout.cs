namespace Quanet.Operations.Inventory;

/// <summary>
/// Fills sites with the standard element layout and wires RAN dependencies: a cell site gets a
/// cell-site router, an O-DU and <see cref="SectorsPerSite"/> O-RUs; an aggregation site an
/// aggregation router and a pooled O-CU; a core site a core router and an O-CU. Every DU is served by
/// the CU of the first aggregation or core site on its primary path.
/// </summary>
public static class InventoryLayout
{
    /// <summary>Radio units (sectors) per cell site.</summary>
    public const int SectorsPerSite = 3;

    /// <summary>
    /// Neighbour cell sites per cell site: its nearest cell sites by great-circle distance (automatic
    /// neighbour relations find the adjacent sites; three is one ring of neighbours around a
    /// three-sector site in a regular layout). Two gNB-CUs have an Xn-C association (TS 38.423 Xn
    /// setup) when a cell site of one has a neighbour served by the other; see <see cref="XnNeighbourhood"/>.
    /// </summary>
    public const int NeighbourCellSites = 3;

    /// <summary>Builds the inventory with standard elements for <paramref name="sites"/> joined by <paramref name="links"/>.</summary>
    public static NetworkInventory Build(IReadOnlyList<NetworkSite> sites, IReadOnlyList<TransportLink> links)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(links);
        var bare = new NetworkInventory(sites, [], links);
        var graph = new DependencyGraph(bare);
        var cuOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (site.Role != SiteRole.Cell)
            {
                cuOf[site.Id] = CuId(site.Id);
            }
        }

        var elements = new List<NetworkElement>();
        foreach (var site in sites)
        {
            switch (site.Role)
            {
                case SiteRole.Cell:
                    string? cu = null;
                    foreach (var up in graph.UpstreamSites(site.Id))
                    {
                        if (cuOf.TryGetValue(up, out var found))
                        {
                            cu = found;
                            break;
                        }
                    }

                    var du = $"{site.Id}/du";
                    elements.Add(new NetworkElement($"{site.Id}/csr", ElementKind.SiteRouter, site.Id, null));
                    elements.Add(new NetworkElement(du, ElementKind.DistributedUnit, site.Id, cu));
                    for (var r = 1; r <= SectorsPerSite; r++)
                    {
                        elements.Add(new NetworkElement($"{site.Id}/ru{r}", ElementKind.RadioUnit, site.Id, du));
                    }

                    break;
                case SiteRole.Aggregation:
                    elements.Add(new NetworkElement($"{site.Id}/agg", ElementKind.AggregationRouter, site.Id, null));
                    elements.Add(new NetworkElement(CuId(site.Id), ElementKind.CentralUnit, site.Id, null));
                    break;
                default:
                    elements.Add(new NetworkElement($"{site.Id}/core", ElementKind.CoreRouter, site.Id, null));
                    elements.Add(new NetworkElement(CuId(site.Id), ElementKind.CentralUnit, site.Id, null));
                    break;
            }
        }

        return new NetworkInventory(sites, elements, links);
    }

    /// <summary>The transport router element id of a site of <paramref name="role"/>.</summary>
    public static string RouterId(string siteId, SiteRole role) => role switch
    {
        SiteRole.Cell => $"{siteId}/csr",
        SiteRole.Aggregation => $"{siteId}/agg",
        _ => $"{siteId}/core",
    };

    private static string CuId(string siteId) => $"{siteId}/cu";
}
