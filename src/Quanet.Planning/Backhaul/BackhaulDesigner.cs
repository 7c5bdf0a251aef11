using Quanet.Core;
using Quanet.Core.Geodesy;
using Quanet.Optimization.Steiner;

namespace Quanet.Planning.Backhaul;

/// <summary>
/// Designs the minimum-cost fibre tree that connects every site to some core point of presence (PoP):
/// candidate routes (<see cref="CandidateRoutes"/>) with cost = great-circle length x cost per km (x the
/// existing-fibre factor where fibre exists), a virtual root joined to every PoP at cost 0 so that one
/// Steiner tree over {sites, root} picks the PoPs too, solved by <see cref="SteinerSolver"/> (exact, with
/// a proven bound). Under a hop limit the tree comes from <see cref="LayeredHopTree"/> (exact, over the
/// candidate routes plus a direct route from each site to its nearest PoP, so a tree always exists); the
/// Steiner tree repaired to the limit (<see cref="RepairHops"/>) is the fallback when the exact solve finds
/// nothing better in time.
/// </summary>
public static class BackhaulDesigner
{
    /// <summary>Costs are solved as integers in thousandths of the cost unit.</summary>
    private const double CostScale = 1000.0;

    /// <summary>Designs the backhaul tree.</summary>
    /// <param name="sites">Sites to connect.</param>
    /// <param name="pops">Core points of presence.</param>
    /// <param name="existingFibre">Pairs of node ids (site or PoP) already joined by fibre.</param>
    /// <param name="options">Options; null for defaults.</param>
    /// <exception cref="QuanetException">No sites or PoPs, duplicate ids, or an unknown id in the existing fibre.</exception>
    public static BackhaulDesign Design(
        IReadOnlyList<BackhaulNode> sites,
        IReadOnlyList<BackhaulNode> pops,
        IEnumerable<(string A, string B)>? existingFibre = null,
        BackhaulOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        ArgumentNullException.ThrowIfNull(pops);
        options ??= new BackhaulOptions();
        if (sites.Count == 0)
        {
            throw new QuanetException("backhaul: the plan has no sites to connect");
        }

        if (pops.Count == 0)
        {
            throw new QuanetException("backhaul: no points of presence");
        }

        if (options.HopLimit is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.HopLimit, "the hop limit must be at least 1");
        }

        var nodes = new List<BackhaulNode>(sites);
        nodes.AddRange(pops);
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            if (!index.TryAdd(nodes[i].Id, i))
            {
                throw new QuanetException($"backhaul: id '{nodes[i].Id}' is used twice (site and PoP ids must be distinct)");
            }
        }

        var existing = new List<(int A, int B)>();
        foreach (var (a, b) in existingFibre ?? [])
        {
            if (!index.TryGetValue(a, out var ia) || !index.TryGetValue(b, out var ib))
            {
                throw new QuanetException($"backhaul: existing fibre {a}-{b} names an unknown site or PoP");
            }

            existing.Add((ia, ib));
        }

        var candidates = CandidateRoutes.Build(nodes, options.NearestNeighbours, existing);
        var lengths = new double[candidates.Count];
        var costs = new double[candidates.Count];
        var edges = new List<(int U, int V, long Weight)>(candidates.Count + pops.Count);
        for (var e = 0; e < candidates.Count; e++)
        {
            var (a, b, isExisting) = candidates[e];
            lengths[e] = GreatCircle.DistanceKilometres(nodes[a].Lat, nodes[a].Lon, nodes[b].Lat, nodes[b].Lon);
            costs[e] = lengths[e] * options.CostPerKm * (isExisting ? options.ExistingCostFactor : 1.0);
            edges.Add((a, b, (long)Math.Round(costs[e] * CostScale)));
        }

        var root = nodes.Count;
        for (var p = sites.Count; p < nodes.Count; p++)
        {
            edges.Add((root, p, 0));
        }

        var terminals = Enumerable.Range(0, sites.Count).Append(root);
        var graph = new SteinerGraph(nodes.Count + 1, edges, terminals);
        var solution = SteinerSolver.Solve(graph, new SteinerSolverOptions
        {
            TimeLimit = options.TimeLimit,
            Seed = options.Seed,
            Time = options.Time,
        });

        var tree = new List<(int A, int B, double LengthKm, double Cost, bool Existing)>();
        foreach (var e in solution.Edges)
        {
            if (e < candidates.Count)
            {
                tree.Add((candidates[e].A, candidates[e].B, lengths[e], costs[e], candidates[e].Existing));
            }
        }

        var repairs = 0;
        double lowerBound = solution.LowerBound / CostScale;
        var optimal = solution.Optimal;
        if (options.HopLimit is { } limit)
        {
            repairs = RepairHops(nodes, sites.Count, tree, candidates, lengths, costs, limit, options.CostPerKm);
            (tree, lowerBound, optimal, repairs) = HopLimited(nodes, sites.Count, tree, repairs, candidates, lengths, costs, limit, options);
        }

        return Assemble(nodes, sites.Count, tree, lowerBound, optimal, repairs, candidates.Count);
    }

    /// <summary>
    /// The exact hop-limited tree over the candidates plus direct site-to-nearest-PoP routes; the repaired
    /// tree when the exact solve finds nothing cheaper in time (then not optimal, with the proven bound).
    /// </summary>
    private static (List<(int A, int B, double LengthKm, double Cost, bool Existing)> Tree, double LowerBound, bool Optimal, int Repairs) HopLimited(
        List<BackhaulNode> nodes, int siteCount, List<(int A, int B, double LengthKm, double Cost, bool Existing)> repaired, int repairs,
        List<(int A, int B, bool Existing)> candidates, double[] lengths, double[] costs, int limit, BackhaulOptions options)
    {
        var routes = new List<(int A, int B, double LengthKm, double Cost, bool Existing)>();
        for (var e = 0; e < candidates.Count; e++)
        {
            routes.Add((candidates[e].A, candidates[e].B, lengths[e], costs[e], candidates[e].Existing));
        }

        var known = new HashSet<(int, int)>(candidates.Select(c => (Math.Min(c.A, c.B), Math.Max(c.A, c.B))));
        for (var site = 0; site < siteCount; site++)
        {
            var pop = NearestPop(nodes, siteCount, site);
            if (known.Add((site, pop)))
            {
                var km = Distance(nodes, site, pop);
                routes.Add((pop, site, km, km * options.CostPerKm, false));
            }
        }

        // The repaired tree, as routes, is the exact solve's start (a better incumbent fixes more arcs).
        var routeOf = new Dictionary<(int, int), int>();
        for (var r = 0; r < routes.Count; r++)
        {
            routeOf.TryAdd((Math.Min(routes[r].A, routes[r].B), Math.Max(routes[r].A, routes[r].B)), r);
        }

        var start = new List<int>(repaired.Count);
        foreach (var link in repaired)
        {
            if (routeOf.TryGetValue((Math.Min(link.A, link.B), Math.Max(link.A, link.B)), out var r))
            {
                start.Add(r);
            }
        }

        var exact = LayeredHopTree.Solve(siteCount, [.. routes.Select(r => (r.A, r.B, r.Cost))], limit, options.TimeLimit, options.Time, start);
        var repairedCost = repaired.Sum(l => l.Cost);
        if (exact is not { } found)
        {
            return (repaired, 0, false, repairs);
        }

        var tree = found.Routes.Select(r => routes[r]).ToList();
        var treeCost = tree.Sum(l => l.Cost);
        return treeCost <= repairedCost + 1e-9
            ? (tree, Math.Min(found.LowerBound, treeCost), found.Optimal, 0)
            : (repaired, Math.Min(found.LowerBound, repairedCost), false, repairs);
    }

    /// <summary>
    /// Hop-limit repair: while some site is more than <paramref name="limit"/> links from its PoP, the
    /// shallowest such site (depth limit + 1) is re-attached, with its subtree, by its cheapest candidate
    /// route to a tree node of depth at most limit − 1, or else by a new direct route to the nearest PoP.
    /// Depths never increase and the sum of depths strictly falls, so the repair ends; it is a heuristic
    /// (the hop-constrained problem is NP-hard and not solved exactly here).
    /// </summary>
    internal static int RepairHops(
        List<BackhaulNode> nodes, int siteCount, List<(int A, int B, double LengthKm, double Cost, bool Existing)> tree,
        List<(int A, int B, bool Existing)> candidates, double[] lengths, double[] costs, int limit, double costPerKm)
    {
        var repairs = 0;
        var n = nodes.Count;
        while (true)
        {
            var (depth, parentLink) = Depths(n, siteCount, tree);
            var v = -1;
            for (var i = 0; i < siteCount; i++)
            {
                if (depth[i] > limit && (v < 0 || depth[i] < depth[v]))
                {
                    v = i;
                }
            }

            if (v < 0)
            {
                return repairs;
            }

            var best = -1;
            for (var e = 0; e < candidates.Count; e++)
            {
                var (a, b, _) = candidates[e];
                var u = a == v ? b : b == v ? a : -1;
                if (u >= 0 && depth[u] <= limit - 1 && (best < 0 || costs[e] < costs[best]))
                {
                    best = e;
                }
            }

            tree.RemoveAt(parentLink[v]);
            if (best >= 0)
            {
                tree.Add((candidates[best].A, candidates[best].B, lengths[best], costs[best], candidates[best].Existing));
            }
            else
            {
                var pop = NearestPop(nodes, siteCount, v);
                var km = Distance(nodes, v, pop);
                tree.Add((pop, v, km, km * costPerKm, false));
            }

            repairs++;
        }
    }

    /// <summary>The PoP (ids from <paramref name="siteCount"/> on) nearest to node <paramref name="v"/>.</summary>
    private static int NearestPop(List<BackhaulNode> nodes, int siteCount, int v)
    {
        var pop = siteCount;
        for (var p = siteCount + 1; p < nodes.Count; p++)
        {
            if (Distance(nodes, v, p) < Distance(nodes, v, pop))
            {
                pop = p;
            }
        }

        return pop;
    }

    private static double Distance(List<BackhaulNode> nodes, int a, int b) =>
        GreatCircle.DistanceKilometres(nodes[a].Lat, nodes[a].Lon, nodes[b].Lat, nodes[b].Lon);

    /// <summary>Links from the nearest PoP over the tree (PoPs at depth 0) and the index of each node's parent link.</summary>
    private static (int[] Depth, int[] ParentLink) Depths(int n, int siteCount, List<(int A, int B, double LengthKm, double Cost, bool Existing)> tree)
    {
        var adjacency = new List<int>[n];
        for (var i = 0; i < n; i++)
        {
            adjacency[i] = [];
        }

        for (var k = 0; k < tree.Count; k++)
        {
            adjacency[tree[k].A].Add(k);
            adjacency[tree[k].B].Add(k);
        }

        var depth = new int[n];
        var parent = new int[n];
        Array.Fill(depth, int.MaxValue);
        Array.Fill(parent, -1);
        var queue = new Queue<int>();
        for (var p = siteCount; p < n; p++)
        {
            depth[p] = 0;
            queue.Enqueue(p);
        }

        while (queue.Count > 0)
        {
            var x = queue.Dequeue();
            foreach (var k in adjacency[x])
            {
                var y = tree[k].A == x ? tree[k].B : tree[k].A;
                if (depth[y] == int.MaxValue)
                {
                    depth[y] = depth[x] + 1;
                    parent[y] = k;
                    queue.Enqueue(y);
                }
            }
        }

        return (depth, parent);
    }

    private static BackhaulDesign Assemble(
        List<BackhaulNode> nodes, int siteCount, List<(int A, int B, double LengthKm, double Cost, bool Existing)> tree,
        double lowerBound, bool optimal, int repairs, int candidateCount)
    {
        var (depth, parentLink) = Depths(nodes.Count, siteCount, tree);
        var links = new List<BackhaulLink>(tree.Count);
        var maxHops = 0;
        var popsUsed = new HashSet<int>();
        double cost = 0, length = 0;
        for (var i = 0; i < nodes.Count; i++)
        {
            if (parentLink[i] < 0)
            {
                continue;
            }

            var link = tree[parentLink[i]];
            var from = link.A == i ? link.B : link.A;
            links.Add(new BackhaulLink(nodes[from].Id, nodes[i].Id, link.LengthKm, link.Cost, link.Existing, nodes[from].Lat, nodes[from].Lon, nodes[i].Lat, nodes[i].Lon));
            cost += link.Cost;
            length += link.LengthKm;
            maxHops = Math.Max(maxHops, depth[i]);
            if (from >= siteCount)
            {
                popsUsed.Add(from);
            }
        }

        for (var s = 0; s < siteCount; s++)
        {
            if (depth[s] == int.MaxValue)
            {
                throw new QuanetException($"backhaul check failed: site {nodes[s].Id} is not connected to a PoP");
            }
        }

        return new BackhaulDesign
        {
            Links = links,
            TotalCost = cost,
            TotalLengthKm = length,
            LowerBound = Math.Min(lowerBound, cost),
            Optimal = optimal && repairs == 0,
            CandidateRoutes = candidateCount,
            MaxHops = maxHops,
            HopRepairs = repairs,
            PopsUsed = popsUsed.Count,
        };
    }
}
