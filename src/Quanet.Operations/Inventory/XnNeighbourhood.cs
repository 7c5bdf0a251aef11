using Quanet.Core.Geodesy;

namespace Quanet.Operations.Inventory;

/// <summary>
/// The Xn-C associations between gNB-CUs, derived from the inventory (never from simulator state).
/// Xn-C terminates in the gNB-CU (TS 38.401 6.1.1), so with O-CUs pooled at hubs a gNB is one O-CU
/// with the O-DUs it serves; a DU or cell-site outage leaves every Xn association up. Two CUs are Xn
/// peers when a cell site served by one has, among its <see cref="InventoryLayout.NeighbourCellSites"/>
/// nearest cell sites, one served by the other (TS 38.423: Xn setup between gNBs with neighbouring
/// cells). Sites without coordinates (0, 0) get no neighbour relations.
/// </summary>
public sealed class XnNeighbourhood
{
    private readonly Dictionary<string, SortedSet<string>> _peers = new(StringComparer.Ordinal);

    /// <summary>Builds the Xn peers of every CU in <paramref name="inventory"/>.</summary>
    public XnNeighbourhood(NetworkInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var cells = new List<(NetworkSite Site, string Cu)>();
        foreach (var site in inventory.Sites)
        {
            if (site.Role == SiteRole.Cell && (site.Latitude != 0 || site.Longitude != 0)
                && inventory.ElementAt(site.Id, ElementKind.DistributedUnit)?.ServedBy is { } cu)
            {
                cells.Add((site, cu));
            }
        }

        var distances = new (double Km, int Index)[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            var a = cells[i].Site;
            var n = 0;
            for (var j = 0; j < cells.Count; j++)
            {
                if (j != i)
                {
                    distances[n++] = (GreatCircle.DistanceKilometres(a.Latitude, a.Longitude, cells[j].Site.Latitude, cells[j].Site.Longitude), j);
                }
            }

            Array.Sort(distances, 0, n);
            for (var k = 0; k < Math.Min(n, InventoryLayout.NeighbourCellSites); k++)
            {
                var other = cells[distances[k].Index].Cu;
                if (other != cells[i].Cu)
                {
                    Add(cells[i].Cu, other);
                    Add(other, cells[i].Cu);
                }
            }
        }
    }

    /// <summary>The CUs holding an Xn-C association with <paramref name="cuId"/>, in id order (empty if none).</summary>
    public IReadOnlyCollection<string> Peers(string cuId) =>
        _peers.TryGetValue(cuId, out var peers) ? peers : [];

    private void Add(string cu, string peer)
    {
        if (!_peers.TryGetValue(cu, out var set))
        {
            set = new SortedSet<string>(StringComparer.Ordinal);
            _peers[cu] = set;
        }

        set.Add(peer);
    }
}
