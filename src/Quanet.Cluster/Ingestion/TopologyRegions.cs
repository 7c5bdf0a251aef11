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
/// Why the hub: the correlator explains alarms by a common cause upstream on the primary path (a link, a router, a
/// site). In the backhaul Quanet plans and synthesises (<see cref="BackhaulSynthesis"/>: trees of cell sites under
/// hubs, hubs on a ring through the core) every cause below a hub, and every element it silences, is under that
/// hub, so such a fault is correlated within one region. The core site would be one region for the whole network
/// (no scale-out), a cell site far too small (a hub link's alarms would span ten regions). What crosses regions is a
/// fault at or above a hub (a ring link, a core router), whose effects reach several hubs; those are rare, and the
/// processing side can join them at the core region.
/// </para>
/// </remarks>
public sealed class TopologyRegions
{
    /// <summary>The region of events whose source is not in the inventory.</summary>
    public const string Unassigned = "unassigned";

    private readonly Dictionary<string, string> _regionOf;

    private TopologyRegions(Dictionary<string, string> regionOf, IReadOnlyList<string> regions)
    {
        _regionOf = regionOf;
        Regions = regions;
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
        return new TopologyRegions(regionOf, regions);
    }

    /// <summary>The region of an event from <paramref name="sourceName"/> (an element or site ID).</summary>
    public string RegionOf(string sourceName) => _regionOf.GetValueOrDefault(sourceName, Unassigned);

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
