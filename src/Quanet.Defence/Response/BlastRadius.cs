using Quanet.Defence.Model;

namespace Quanet.Defence.Response;

/// <summary>
/// Proves that customer traffic keeps a path when links are cut: routes every demand (largest first) over the
/// remaining links on the shortest path with enough residual capacity. A complete routing is a proof that the
/// traffic survives; a demand that finds no path is reported as lost (the check is conservative: it may ask for
/// approval where a cleverer routing existed, never the other way round).
/// </summary>
public static class BlastRadius
{
    /// <summary>The demands that would lose their path with <paramref name="cutLinks"/> down; empty when all survive.</summary>
    public static IReadOnlyList<TrafficDemand> LostDemands(DefenceInventory inventory, IReadOnlyCollection<string> cutLinks)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(cutLinks);
        var residual = new Dictionary<string, double>(StringComparer.Ordinal);
        var adjacency = new Dictionary<string, List<TopologyLink>>(StringComparer.Ordinal);
        foreach (var link in inventory.Links)
        {
            if (cutLinks.Contains(link.Id))
            {
                continue;
            }

            residual[link.Id] = link.CapacityMbps;
            Adjacent(adjacency, link.A).Add(link);
            Adjacent(adjacency, link.B).Add(link);
        }

        var lost = new List<TrafficDemand>();
        foreach (var demand in inventory.Demands.OrderByDescending(d => d.Mbps))
        {
            var path = ShortestPath(adjacency, residual, demand);
            if (path is null)
            {
                lost.Add(demand);
                continue;
            }

            foreach (var link in path)
            {
                residual[link.Id] -= demand.Mbps;
            }
        }

        return lost;
    }

    private static List<TopologyLink>? ShortestPath(Dictionary<string, List<TopologyLink>> adjacency, Dictionary<string, double> residual, TrafficDemand demand)
    {
        var via = new Dictionary<string, TopologyLink?>(StringComparer.Ordinal) { [demand.From] = null };
        var queue = new Queue<string>();
        queue.Enqueue(demand.From);
        while (queue.Count > 0)
        {
            var node = queue.Dequeue();
            if (node == demand.To)
            {
                var path = new List<TopologyLink>();
                for (var at = node; via[at] is { } link; at = link.A == at ? link.B : link.A)
                {
                    path.Add(link);
                }

                return path;
            }

            foreach (var link in adjacency.GetValueOrDefault(node) ?? [])
            {
                var next = link.A == node ? link.B : link.A;
                if (residual[link.Id] + 1e-9 >= demand.Mbps && via.TryAdd(next, link))
                {
                    queue.Enqueue(next);
                }
            }
        }

        return null;
    }

    private static List<TopologyLink> Adjacent(Dictionary<string, List<TopologyLink>> adjacency, string node)
    {
        if (!adjacency.TryGetValue(node, out var list))
        {
            list = [];
            adjacency[node] = list;
        }

        return list;
    }
}
