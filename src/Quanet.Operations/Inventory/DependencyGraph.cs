namespace Quanet.Operations.Inventory;

/// <summary>
/// The site-level transport graph with what depends on what: the primary (shortest) path of every
/// site to a core site, and which sites lose all connectivity to the core when a link or a site fails
/// (computed on the graph, so rings and dual homing protect their sites).
/// </summary>
public sealed class DependencyGraph
{
    private readonly NetworkInventory _inventory;
    private readonly Dictionary<string, int> _index;
    private readonly string[] _siteIds;
    private readonly int[][] _adjacentLinks;
    private readonly int[] _linkFrom;
    private readonly int[] _linkTo;
    private readonly int[] _parentLink;
    private readonly double[] _distanceKm;
    private readonly Dictionary<string, IReadOnlyList<string>> _isolatedByLink = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<string>> _isolatedBySite = new(StringComparer.Ordinal);
    private readonly Lock _cacheLock = new();

    /// <summary>Builds the graph of <paramref name="inventory"/>.</summary>
    public DependencyGraph(NetworkInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        _inventory = inventory;
        var n = inventory.Sites.Count;
        _siteIds = new string[n];
        _index = new Dictionary<string, int>(n, StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            _siteIds[i] = inventory.Sites[i].Id;
            _index[_siteIds[i]] = i;
        }

        var links = inventory.Links;
        _linkFrom = new int[links.Count];
        _linkTo = new int[links.Count];
        var degree = new int[n];
        for (var l = 0; l < links.Count; l++)
        {
            _linkFrom[l] = _index[links[l].From];
            _linkTo[l] = _index[links[l].To];
            degree[_linkFrom[l]]++;
            degree[_linkTo[l]]++;
        }

        _adjacentLinks = new int[n][];
        for (var i = 0; i < n; i++)
        {
            _adjacentLinks[i] = new int[degree[i]];
            degree[i] = 0;
        }

        for (var l = 0; l < links.Count; l++)
        {
            _adjacentLinks[_linkFrom[l]][degree[_linkFrom[l]]++] = l;
            _adjacentLinks[_linkTo[l]][degree[_linkTo[l]]++] = l;
        }

        (_parentLink, _distanceKm) = ShortestPathTree();
    }

    /// <summary>The inventory this graph was built from.</summary>
    public NetworkInventory Inventory => _inventory;

    /// <summary>Whether <paramref name="siteId"/> reaches a core site with everything working.</summary>
    public bool IsConnected(string siteId) => _parentLink[_index[siteId]] >= 0 || IsCore(_index[siteId]);

    /// <summary>Route distance in km from <paramref name="siteId"/> to its core site along the primary path.</summary>
    public double DistanceToCoreKm(string siteId) => _distanceKm[_index[siteId]];

    /// <summary>
    /// The links of the primary path from <paramref name="siteId"/> up to a core site, nearest first;
    /// empty for a core site or a site without a path.
    /// </summary>
    public IReadOnlyList<TransportLink> PrimaryPath(string siteId)
    {
        var path = new List<TransportLink>();
        var s = _index[siteId];
        var guard = 0;
        while (_parentLink[s] >= 0 && guard++ < _siteIds.Length)
        {
            var l = _parentLink[s];
            path.Add(_inventory.Links[l]);
            s = _linkFrom[l] == s ? _linkTo[l] : _linkFrom[l];
        }

        return path;
    }

    /// <summary>The sites of the primary path above <paramref name="siteId"/> (excluding it), nearest first.</summary>
    public IReadOnlyList<string> UpstreamSites(string siteId)
    {
        var result = new List<string>();
        var s = _index[siteId];
        foreach (var link in PrimaryPath(siteId))
        {
            var next = link.Other(_siteIds[s]);
            result.Add(next);
            s = _index[next];
        }

        return result;
    }

    /// <summary>Sites (other than failed ones) that cannot reach any core site once <paramref name="linkId"/> is down.</summary>
    public IReadOnlyList<string> IsolatedByLink(string linkId)
    {
        lock (_cacheLock)
        {
            if (!_isolatedByLink.TryGetValue(linkId, out var result))
            {
                var link = _inventory.FindLink(linkId) ?? throw new ArgumentException($"unknown link '{linkId}'", nameof(linkId));
                result = Unreachable(IndexOfLink(link), -1);
                _isolatedByLink[linkId] = result;
            }

            return result;
        }
    }

    /// <summary>Sites other than <paramref name="siteId"/> that cannot reach any core site once that site fails.</summary>
    public IReadOnlyList<string> IsolatedBySite(string siteId)
    {
        lock (_cacheLock)
        {
            if (!_isolatedBySite.TryGetValue(siteId, out var result))
            {
                result = Unreachable(-1, _index[siteId]);
                _isolatedBySite[siteId] = result;
            }

            return result;
        }
    }

    /// <summary>Sites that cannot reach a core site when all <paramref name="downLinks"/> and <paramref name="downSites"/> fail.</summary>
    public IReadOnlyList<string> Unreachable(IReadOnlyCollection<string> downLinks, IReadOnlyCollection<string> downSites)
    {
        ArgumentNullException.ThrowIfNull(downLinks);
        ArgumentNullException.ThrowIfNull(downSites);
        var linkDown = new bool[_linkFrom.Length];
        foreach (var id in downLinks)
        {
            linkDown[IndexOfLink(_inventory.FindLink(id) ?? throw new ArgumentException($"unknown link '{id}'", nameof(downLinks)))] = true;
        }

        var siteDown = new bool[_siteIds.Length];
        foreach (var id in downSites)
        {
            siteDown[_index[id]] = true;
        }

        return Unreachable(linkDown, siteDown);
    }

    private List<string> Unreachable(int downLink, int downSite)
    {
        var linkDown = new bool[_linkFrom.Length];
        if (downLink >= 0)
        {
            linkDown[downLink] = true;
        }

        var siteDown = new bool[_siteIds.Length];
        if (downSite >= 0)
        {
            siteDown[downSite] = true;
        }

        return Unreachable(linkDown, siteDown);
    }

    private List<string> Unreachable(bool[] linkDown, bool[] siteDown)
    {
        var n = _siteIds.Length;
        var seen = new bool[n];
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            if (IsCore(i) && !siteDown[i])
            {
                seen[i] = true;
                queue.Enqueue(i);
            }
        }

        while (queue.Count > 0)
        {
            var s = queue.Dequeue();
            foreach (var l in _adjacentLinks[s])
            {
                if (linkDown[l])
                {
                    continue;
                }

                var t = _linkFrom[l] == s ? _linkTo[l] : _linkFrom[l];
                if (!seen[t] && !siteDown[t])
                {
                    seen[t] = true;
                    queue.Enqueue(t);
                }
            }
        }

        var result = new List<string>();
        for (var i = 0; i < n; i++)
        {
            if (!seen[i] && !siteDown[i] && (_parentLink[i] >= 0 || IsCore(i)))
            {
                result.Add(_siteIds[i]);
            }
        }

        return result;
    }

    private int IndexOfLink(TransportLink link)
    {
        var links = _inventory.Links;
        for (var l = 0; l < links.Count; l++)
        {
            if (ReferenceEquals(links[l], link))
            {
                return l;
            }
        }

        throw new ArgumentException($"link '{link.Id}' is not in the inventory", nameof(link));
    }

    private bool IsCore(int site) => _inventory.Sites[site].Role == SiteRole.Core;

    private (int[] Parent, double[] Distance) ShortestPathTree()
    {
        var n = _siteIds.Length;
        var parent = new int[n];
        var distance = new double[n];
        Array.Fill(parent, -1);
        Array.Fill(distance, double.PositiveInfinity);
        var queue = new PriorityQueue<int, double>();
        for (var i = 0; i < n; i++)
        {
            if (IsCore(i))
            {
                distance[i] = 0;
                queue.Enqueue(i, 0);
            }
        }

        var links = _inventory.Links;
        while (queue.TryDequeue(out var s, out var d))
        {
            if (d > distance[s])
            {
                continue;
            }

            foreach (var l in _adjacentLinks[s])
            {
                var t = _linkFrom[l] == s ? _linkTo[l] : _linkFrom[l];
                var nd = d + Math.Max(links[l].LengthKm, 1e-6);
                if (nd < distance[t])
                {
                    distance[t] = nd;
                    parent[t] = l;
                    queue.Enqueue(t, nd);
                }
            }
        }

        return (parent, distance);
    }
}
