using Quanet.Core;

namespace Quanet.Operations.Inventory;

/// <summary>
/// The network inventory: sites, their RAN and transport elements, and the links between sites.
/// Immutable once built; ids are checked for uniqueness and references for existence.
/// </summary>
public sealed class NetworkInventory
{
    private readonly Dictionary<string, NetworkSite> _sites;
    private readonly Dictionary<string, NetworkElement> _elements;
    private readonly Dictionary<string, TransportLink> _links;
    private readonly Dictionary<string, List<NetworkElement>> _elementsBySite;
    private readonly Dictionary<string, List<TransportLink>> _linksBySite;
    private readonly Dictionary<string, List<NetworkElement>> _servedBy;

    /// <summary>Builds and validates an inventory.</summary>
    /// <exception cref="QuanetException">A duplicate id or a dangling reference.</exception>
    public NetworkInventory(IReadOnlyList<NetworkSite> sites, IReadOnlyList<NetworkElement> elements, IReadOnlyList<TransportLink> links)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(links);
        Sites = sites;
        Elements = elements;
        Links = links;
        _sites = new Dictionary<string, NetworkSite>(StringComparer.Ordinal);
        _elements = new Dictionary<string, NetworkElement>(StringComparer.Ordinal);
        _links = new Dictionary<string, TransportLink>(StringComparer.Ordinal);
        _elementsBySite = new Dictionary<string, List<NetworkElement>>(StringComparer.Ordinal);
        _linksBySite = new Dictionary<string, List<TransportLink>>(StringComparer.Ordinal);
        _servedBy = new Dictionary<string, List<NetworkElement>>(StringComparer.Ordinal);
        foreach (var site in sites)
        {
            if (!_sites.TryAdd(site.Id, site))
            {
                throw new QuanetException($"inventory: duplicate site id '{site.Id}'");
            }

            _elementsBySite[site.Id] = [];
            _linksBySite[site.Id] = [];
        }

        foreach (var element in elements)
        {
            if (!_elements.TryAdd(element.Id, element))
            {
                throw new QuanetException($"inventory: duplicate element id '{element.Id}'");
            }

            if (!_elementsBySite.TryGetValue(element.SiteId, out var list))
            {
                throw new QuanetException($"inventory: element '{element.Id}' is at unknown site '{element.SiteId}'");
            }

            list.Add(element);
        }

        foreach (var element in elements)
        {
            if (element.ServedBy is null)
            {
                continue;
            }

            if (!_elements.ContainsKey(element.ServedBy))
            {
                throw new QuanetException($"inventory: element '{element.Id}' is served by unknown element '{element.ServedBy}'");
            }

            if (!_servedBy.TryGetValue(element.ServedBy, out var served))
            {
                served = [];
                _servedBy[element.ServedBy] = served;
            }

            served.Add(element);
        }

        foreach (var link in links)
        {
            if (!_links.TryAdd(link.Id, link))
            {
                throw new QuanetException($"inventory: duplicate link id '{link.Id}'");
            }

            if (!_sites.ContainsKey(link.From) || !_sites.ContainsKey(link.To))
            {
                throw new QuanetException($"inventory: link '{link.Id}' joins unknown site '{(_sites.ContainsKey(link.From) ? link.To : link.From)}'");
            }

            if (string.Equals(link.From, link.To, StringComparison.Ordinal))
            {
                throw new QuanetException($"inventory: link '{link.Id}' is a loop at site '{link.From}'");
            }

            _linksBySite[link.From].Add(link);
            _linksBySite[link.To].Add(link);
        }

        var hasCore = false;
        foreach (var site in sites)
        {
            hasCore |= site.Role == SiteRole.Core;
        }

        if (sites.Count > 0 && !hasCore)
        {
            throw new QuanetException("inventory: no site has role 'core'");
        }
    }

    /// <summary>All sites.</summary>
    public IReadOnlyList<NetworkSite> Sites { get; }

    /// <summary>All elements.</summary>
    public IReadOnlyList<NetworkElement> Elements { get; }

    /// <summary>All transport links.</summary>
    public IReadOnlyList<TransportLink> Links { get; }

    /// <summary>The site with <paramref name="id"/>, or null.</summary>
    public NetworkSite? FindSite(string id) => _sites.GetValueOrDefault(id);

    /// <summary>The element with <paramref name="id"/>, or null.</summary>
    public NetworkElement? FindElement(string id) => _elements.GetValueOrDefault(id);

    /// <summary>The link with <paramref name="id"/>, or null.</summary>
    public TransportLink? FindLink(string id) => _links.GetValueOrDefault(id);

    /// <summary>Elements hosted at <paramref name="siteId"/>.</summary>
    public IReadOnlyList<NetworkElement> ElementsAt(string siteId) =>
        _elementsBySite.TryGetValue(siteId, out var list) ? list : [];

    /// <summary>Links ending at <paramref name="siteId"/>.</summary>
    public IReadOnlyList<TransportLink> LinksOf(string siteId) =>
        _linksBySite.TryGetValue(siteId, out var list) ? list : [];

    /// <summary>Elements whose <see cref="NetworkElement.ServedBy"/> is <paramref name="elementId"/>.</summary>
    public IReadOnlyList<NetworkElement> ServedBy(string elementId) =>
        _servedBy.TryGetValue(elementId, out var list) ? list : [];

    /// <summary>The element of <paramref name="kind"/> at <paramref name="siteId"/>, or null.</summary>
    public NetworkElement? ElementAt(string siteId, ElementKind kind)
    {
        foreach (var element in ElementsAt(siteId))
        {
            if (element.Kind == kind)
            {
                return element;
            }
        }

        return null;
    }
}
