using Quanet.Core.Geodesy;

namespace Quanet.Operations.Inventory;

/// <summary>
/// Synthesises a backhaul for cell sites without one: a core at the centroid, hubs at k-means
/// centres (one per about <c>sitesPerHub</c> sites) on a ring through the core, and per hub a
/// minimum spanning tree (Prim, by great-circle distance x route factor) so distant sites daisy-chain.
/// </summary>
internal static class BackhaulSynthesis
{
    /// <summary>Fibre route length over straight-line distance.</summary>
    public const double RouteFactor = 1.3;

    public static (List<NetworkSite> Sites, List<TransportLink> Links) Build(IReadOnlyList<NetworkSite> cellSites, int sitesPerHub, int seed)
    {
        var sites = new List<NetworkSite>(cellSites);
        var links = new List<TransportLink>();
        var n = cellSites.Count;
        double cLat = 0, cLon = 0;
        foreach (var s in cellSites)
        {
            cLat += s.Latitude / Math.Max(1, n);
            cLon += s.Longitude / Math.Max(1, n);
        }

        var core = new NetworkSite("CORE1", SiteRole.Core, cLat, cLon);
        sites.Add(core);
        if (n == 0)
        {
            return (sites, links);
        }

        var k = Math.Max(1, (n + sitesPerHub - 1) / sitesPerHub);
        var (centres, assignment) = KMeans(cellSites, k, seed);
        var hubs = new List<NetworkSite>();
        for (var h = 0; h < centres.Length; h++)
        {
            var hub = new NetworkSite($"AGG{h + 1}", SiteRole.Aggregation, centres[h].Lat, centres[h].Lon);
            hubs.Add(hub);
            sites.Add(hub);
        }

        // hubs on a ring through the core, ordered by bearing around it
        hubs.Sort((a, b) => Math.Atan2(a.Latitude - cLat, a.Longitude - cLon).CompareTo(Math.Atan2(b.Latitude - cLat, b.Longitude - cLon)));
        var ring = new List<NetworkSite> { core };
        ring.AddRange(hubs);
        var ringLinks = hubs.Count == 1 ? 1 : ring.Count;
        for (var i = 0; i < ringLinks; i++)
        {
            var a = ring[i];
            var b = ring[(i + 1) % ring.Count];
            links.Add(Link($"R{i + 1}", a, b));
        }

        var linkNo = 0;
        for (var h = 0; h < centres.Length; h++)
        {
            var hubId = $"AGG{h + 1}";
            var hub = hubs.Find(x => x.Id == hubId)!;
            var members = new List<NetworkSite>();
            for (var i = 0; i < n; i++)
            {
                if (assignment[i] == h)
                {
                    members.Add(cellSites[i]);
                }
            }

            // Prim from the hub
            var inTree = new List<NetworkSite> { hub };
            var remaining = new List<NetworkSite>(members);
            while (remaining.Count > 0)
            {
                var best = double.PositiveInfinity;
                int bi = 0, bt = 0;
                for (var i = 0; i < remaining.Count; i++)
                {
                    for (var t = 0; t < inTree.Count; t++)
                    {
                        var d = GreatCircle.DistanceKilometres(remaining[i].Latitude, remaining[i].Longitude, inTree[t].Latitude, inTree[t].Longitude);
                        if (d < best)
                        {
                            best = d;
                            bi = i;
                            bt = t;
                        }
                    }
                }

                links.Add(Link($"L{++linkNo}", inTree[bt], remaining[bi]));
                inTree.Add(remaining[bi]);
                remaining.RemoveAt(bi);
            }
        }

        return (sites, links);
    }

    private static TransportLink Link(string id, NetworkSite a, NetworkSite b) =>
        new(id, a.Id, b.Id, Math.Round(Math.Max(0.1, RouteFactor * GreatCircle.DistanceKilometres(a.Latitude, a.Longitude, b.Latitude, b.Longitude)), 2));

    private static ((double Lat, double Lon)[] Centres, int[] Assignment) KMeans(IReadOnlyList<NetworkSite> sites, int k, int seed)
    {
        var rng = new Random(seed);
        var n = sites.Count;
        k = Math.Min(k, n);
        var centres = new (double Lat, double Lon)[k];
        var first = rng.Next(n);
        centres[0] = (sites[first].Latitude, sites[first].Longitude);
        var d2 = new double[n];
        for (var c = 1; c < k; c++)
        {
            double total = 0;
            for (var i = 0; i < n; i++)
            {
                var best = double.PositiveInfinity;
                for (var j = 0; j < c; j++)
                {
                    best = Math.Min(best, Sq(sites[i].Latitude - centres[j].Lat) + Sq(sites[i].Longitude - centres[j].Lon));
                }

                d2[i] = best;
                total += best;
            }

            var pick = rng.NextDouble() * total;
            var chosen = n - 1;
            for (var i = 0; i < n; i++)
            {
                pick -= d2[i];
                if (pick <= 0)
                {
                    chosen = i;
                    break;
                }
            }

            centres[c] = (sites[chosen].Latitude, sites[chosen].Longitude);
        }

        var assignment = new int[n];
        for (var iteration = 0; iteration < 50; iteration++)
        {
            var changed = false;
            for (var i = 0; i < n; i++)
            {
                var best = 0;
                var bestD = double.PositiveInfinity;
                for (var j = 0; j < k; j++)
                {
                    var d = Sq(sites[i].Latitude - centres[j].Lat) + Sq(sites[i].Longitude - centres[j].Lon);
                    if (d < bestD)
                    {
                        bestD = d;
                        best = j;
                    }
                }

                changed |= assignment[i] != best;
                assignment[i] = best;
            }

            var sum = new (double Lat, double Lon, int Count)[k];
            for (var i = 0; i < n; i++)
            {
                var a = assignment[i];
                sum[a] = (sum[a].Lat + sites[i].Latitude, sum[a].Lon + sites[i].Longitude, sum[a].Count + 1);
            }

            for (var j = 0; j < k; j++)
            {
                if (sum[j].Count > 0)
                {
                    centres[j] = (sum[j].Lat / sum[j].Count, sum[j].Lon / sum[j].Count);
                }
            }

            if (!changed && iteration > 0)
            {
                break;
            }
        }

        return (centres, assignment);
    }

    private static double Sq(double x) => x * x;
}
