using Quanet.Core;
using Quanet.Core.Geodesy;

namespace Quanet.Operations.Inventory;

/// <summary>
/// Derives the inventory of a planned network from its cell sites and, when designed, its backhaul links (a host
/// maps them from the plan's artifacts). Link ends that are not cell sites become hubs (the best-connected hub, or
/// one whose id contains <c>core</c>, is the core); links from a node to itself are dropped. Without backhaul links
/// the backhaul is synthesised (seeded); cell sites the backhaul misses are attached to their nearest connected site.
/// </summary>
public static class PlanInventory
{
    /// <summary>Builds the inventory of <paramref name="cells"/> joined by <paramref name="backhaul"/>.</summary>
    /// <param name="cells">The plan's cell sites, each with the role <see cref="SiteRole.Cell"/>.</param>
    /// <param name="backhaul">The backhaul links, or null (or none) to synthesise a backhaul.</param>
    /// <param name="seed">Seed of the synthesised backhaul.</param>
    /// <exception cref="QuanetException">No sites, or links that do not make a valid inventory.</exception>
    public static NetworkInventory Build(IReadOnlyList<NetworkSite> cells, IReadOnlyList<TransportLink>? backhaul, int seed = 1)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Count == 0)
        {
            throw new QuanetException("the plan has no cell sites");
        }

        var raw = new List<(string Id, string From, string To, double Km)>();
        foreach (var l in backhaul ?? [])
        {
            if (!string.Equals(l.From, l.To, StringComparison.Ordinal))
            {
                raw.Add((l.Id, l.From, l.To, l.LengthKm));
            }
        }

        if (raw.Count == 0)
        {
            var (all, synthLinks) = BackhaulSynthesis.Build(cells, 10, seed);
            return InventoryLayout.Build(all, synthLinks);
        }

        var known = new Dictionary<string, NetworkSite>(StringComparer.Ordinal);
        foreach (var s in cells)
        {
            known[s.Id] = s;
        }

        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, from, to, _) in raw)
        {
            degree[from] = degree.GetValueOrDefault(from) + 1;
            degree[to] = degree.GetValueOrDefault(to) + 1;
        }

        var hubs = new List<string>();
        foreach (var id in degree.Keys)
        {
            if (!known.ContainsKey(id))
            {
                hubs.Add(id);
            }
        }

        hubs.Sort(StringComparer.Ordinal);
        var candidates = hubs.Count > 0 ? hubs : [.. degree.Keys.Order(StringComparer.Ordinal)];
        var core = candidates.Find(h => h.Contains("core", StringComparison.OrdinalIgnoreCase))
            ?? candidates.OrderByDescending(h => degree[h]).ThenBy(h => h, StringComparer.Ordinal).First();
        var sites = new List<NetworkSite>();
        foreach (var s in cells)
        {
            sites.Add(string.Equals(s.Id, core, StringComparison.Ordinal) ? s with { Role = SiteRole.Core } : s);
        }

        foreach (var h in hubs)
        {
            sites.Add(new NetworkSite(h, string.Equals(h, core, StringComparison.Ordinal) ? SiteRole.Core : SiteRole.Aggregation, 0, 0));
        }

        var links = new List<TransportLink>();
        var connected = new HashSet<string>(degree.Keys, StringComparer.Ordinal);
        foreach (var (id, from, to, km) in raw)
        {
            links.Add(new TransportLink(id, from, to, km));
        }

        foreach (var s in cells)
        {
            if (connected.Contains(s.Id))
            {
                continue;
            }

            NetworkSite? nearest = null;
            var best = double.PositiveInfinity;
            foreach (var t in cells)
            {
                if (connected.Contains(t.Id))
                {
                    var d = GreatCircle.DistanceKilometres(s.Latitude, s.Longitude, t.Latitude, t.Longitude);
                    if (d < best)
                    {
                        best = d;
                        nearest = t;
                    }
                }
            }

            var anchor = nearest?.Id ?? core;
            var km = nearest is null ? 1.0 : Math.Round(Math.Max(0.1, BackhaulSynthesis.RouteFactor * best), 2);
            links.Add(new TransportLink($"X-{s.Id}", s.Id, anchor, km));
        }

        return InventoryLayout.Build(sites, links);
    }
}
