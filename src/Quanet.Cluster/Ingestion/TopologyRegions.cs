using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Ingestion;

/// <summary>
/// Splits the network into the regions the ingestion log is partitioned by (subject <c>quanet.ves.REGION</c>), so
/// that each region is processed on its own and processing scales out region by region.
/// </summary>
/// <remarks>
/// <para>
/// The region of a site is the aggregation hub its primary path to the core passes first (a hub is its own region's
/// hub); a core site, and a cell site homed straight on a core site, are the core site's region. An element is in its
/// site's region; an event is in the region of its <c>sourceName</c> (an element, or a site), and an unknown source in
/// <see cref="Unassigned"/>.
/// </para>
/// <para>
/// What crosses regions is a fault at or above a hub: a power loss at a hub darkens its ring links (alarms at the
/// neighbouring hubs' routers) and its gNB-CU's Xn-C associations (alarms at the neighbouring hubs' CUs). So the
/// events of the elements at a hub or core site are also published to the <em>neighbouring</em> regions (<see
/// cref="RegionsOf"/>): the regions of the hub and core sites it has a transport link to, and of the hubs whose CU is
/// an Xn-C peer of its CU. Each region's correlator then sees its own events and its neighbours' hub events, which is
/// every alarm a cause in or beside the region predicts there; it counts as missing only the predicted alarms it can
/// see (<see cref="Sees"/>), and it reports only the incidents it owns (<see cref="OwnerOf"/>), so a hub fault is
/// reported once, by its own region, with the neighbours' alarms it explains. Hub events are few (a hub's elements
/// against its tens of cell sites'), so the copies cost little.
/// </para>
/// <para>
/// Why the hub: the correlator explains alarms by a common cause upstream on the primary path (a link, a router, a
/// site). In the backhaul Quanet plans and synthesises (<see cref="BackhaulSynthesis"/>: trees of cell sites under
/// hubs, hubs on a ring through the core) every cause below a hub, and every element it silences, is under that
/// hub, so such a fault is correlated within one region. The core site would be one region for the whole network
/// (no scale-out), a cell site far too small (a hub link's alarms would span ten regions).
/// </para>
/// </remarks>
public sealed class TopologyRegions
{
    /// <summary>The region of events whose source is not in the inventory.</summary>
    public const string Unassigned = "unassigned";

    private readonly Dictionary<string, string> _regionOf;
    private readonly Dictionary<string, string[]> _publishedTo;
    private readonly NetworkInventory _inventory;

    private TopologyRegions(Dictionary<string, string> regionOf, Dictionary<string, string[]> publishedTo, IReadOnlyList<string> regions, NetworkInventory inventory)
    {
        _regionOf = regionOf;
        _publishedTo = publishedTo;
        Regions = regions;
        _inventory = inventory;
    }

    /// <summary>Every region of the inventory (sorted, without <see cref="Unassigned"/>).</summary>
    public IReadOnlyList<string> Regions { get; }

    /// <summary>Every region an event can be published under: <see cref="Regions"/> and <see cref="Unassigned"/>.</summary>
    public IReadOnlyList<string> AllRegions => [.. Regions, Unassigned];

    /// <summary>The regions of <paramref name="inventory"/>'s sites and elements.</summary>
    public static TopologyRegions FromInventory(NetworkInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var graph = new DependencyGraph(inventory);
        var regionOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var site in inventory.Sites)
        {
            regionOf[site.Id] = RegionName(HubOf(site, graph, inventory));
        }

        foreach (var element in inventory.Elements)
        {
            regionOf[element.Id] = regionOf.GetValueOrDefault(element.SiteId, Unassigned);
        }

        var regions = regionOf.Values.Where(r => r != Unassigned).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return new TopologyRegions(regionOf, PublishedTo(inventory, regionOf), regions, inventory);
    }

    /// <summary>The region of an event from <paramref name="sourceName"/> (an element or site ID): the region that owns it.</summary>
    public string RegionOf(string sourceName) => _regionOf.GetValueOrDefault(sourceName, Unassigned);

    /// <summary>
    /// Every region an event from <paramref name="sourceName"/> is published to: its own (<see cref="RegionOf"/>) first,
    /// then, for an element or site at a hub or core site, the neighbouring regions in name order.
    /// </summary>
    public IReadOnlyList<string> RegionsOf(string sourceName) =>
        _publishedTo.TryGetValue(sourceName, out var regions) ? regions : [RegionOf(sourceName)];

    /// <summary>Whether events from <paramref name="sourceName"/> reach <paramref name="region"/> (its own or a neighbour's copy).</summary>
    public bool Sees(string region, string sourceName)
    {
        foreach (var r in RegionsOf(sourceName))
        {
            if (string.Equals(r, region, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The region that reports an incident whose root cause is <paramref name="entity"/>: a site's or element's own region;
    /// for a link, the region of its ends (of the two, the first by name when they differ: both see both ends' alarms).
    /// </summary>
    public string OwnerOf(string entity)
    {
        if (_regionOf.TryGetValue(entity, out var region))
        {
            return region;
        }

        if (_inventory.FindLink(entity) is { } link)
        {
            var a = RegionOf(link.From);
            var b = RegionOf(link.To);
            return string.CompareOrdinal(a, b) <= 0 ? a : b;
        }

        return Unassigned;
    }

    /// <summary>The subject events of <paramref name="region"/> are published under.</summary>
    public static string Subject(string region) => ClusterNames.EventSubjectPrefix + CheckName(region);

    /// <summary>Returns <paramref name="region"/> when it is a valid region name (a subject token: <c>[a-z0-9_-]+</c>).</summary>
    /// <exception cref="ArgumentException">It is not.</exception>
    public static string CheckName(string region)
    {
        ArgumentException.ThrowIfNullOrEmpty(region);
        foreach (var c in region)
        {
            if (!IsNameChar(c))
            {
                throw new ArgumentException($"region '{Quanet.Core.Text.Printable.Escape(region)}' may hold only a-z, 0-9, '_' and '-'", nameof(region));
            }
        }

        return region;
    }

    // the regions a hub's or core site's elements are also published to: those of the non-cell sites it has a link
    // to (ring and core links) and of the hubs holding an Xn-C peer of one of its CUs
    private static Dictionary<string, string[]> PublishedTo(NetworkInventory inventory, Dictionary<string, string> regionOf)
    {
        var xn = new XnNeighbourhood(inventory);
        var publishedTo = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var site in inventory.Sites)
        {
            if (site.Role == SiteRole.Cell)
            {
                continue;
            }

            var own = regionOf[site.Id];
            var neighbours = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var link in inventory.LinksOf(site.Id))
            {
                var other = link.Other(site.Id);
                if (inventory.FindSite(other) is { Role: not SiteRole.Cell })
                {
                    neighbours.Add(regionOf[other]);
                }
            }

            foreach (var element in inventory.ElementsAt(site.Id))
            {
                if (element.Kind == ElementKind.CentralUnit)
                {
                    foreach (var peer in xn.Peers(element.Id))
                    {
                        neighbours.Add(regionOf.GetValueOrDefault(peer, Unassigned));
                    }
                }
            }

            neighbours.Remove(own);
            neighbours.Remove(Unassigned);
            string[] regions = [own, .. neighbours];
            publishedTo[site.Id] = regions;
            foreach (var element in inventory.ElementsAt(site.Id))
            {
                publishedTo[element.Id] = regions;
            }
        }

        return publishedTo;
    }

    private static string HubOf(NetworkSite site, DependencyGraph graph, NetworkInventory inventory)
    {
        if (site.Role != SiteRole.Cell)
        {
            return site.Id;
        }

        var upstream = graph.UpstreamSites(site.Id);
        foreach (var id in upstream)
        {
            if (inventory.FindSite(id)?.Role != SiteRole.Cell)
            {
                return id;
            }
        }

        // not connected to the core: the site is its own (small) region rather than a wrong one
        return site.Id;
    }

    // A site ID as a subject token: lower case, anything outside [a-z0-9_-] as '_'.
    private static string RegionName(string siteId) =>
        string.Create(siteId.Length, siteId, static (span, id) =>
        {
            for (var i = 0; i < id.Length; i++)
            {
                var c = char.ToLowerInvariant(id[i]);
                span[i] = IsNameChar(c) ? c : '_';
            }
        });

    private static bool IsNameChar(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_' or '-';
}
