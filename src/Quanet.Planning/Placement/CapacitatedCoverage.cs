namespace Quanet.Planning.Placement;

/// <summary>
/// Demand covered by a set of open sites when every site serves at most its capacity. Demand is
/// splittable (a town's users may be served by several cells), so the covered demand is a maximum
/// flow source -&gt; demand (weight) -&gt; open covering site -&gt; sink (capacity), computed exactly
/// with Dinic's algorithm.
/// </summary>
internal static class CapacitatedCoverage
{
    private const double Epsilon = 1e-9;

    /// <summary>The maximum demand the chosen sites can serve, and each site's load.</summary>
    public static double Covered(CoverageInstance instance, ReadOnlySpan<bool> chosen, double[]? siteLoad = null)
    {
        var capacity = instance.SiteCapacity ?? throw new InvalidOperationException("the instance is uncapacitated");
        var m = instance.DemandCount;
        var n = instance.SiteCount;

        // nodes: 0 source, 1..m demand, m+1..m+n sites, m+n+1 sink
        var graph = new FlowGraph(m + n + 2);
        var source = 0;
        var sink = m + n + 1;
        var siteEdge = new int[n];
        for (var j = 0; j < n; j++)
        {
            siteEdge[j] = -1;
            if (!chosen[j] || instance.SiteCovers[j].Length == 0)
            {
                continue;
            }

            foreach (var i in instance.SiteCovers[j])
            {
                graph.AddEdge(1 + i, m + 1 + j, double.PositiveInfinity);
            }

            siteEdge[j] = graph.AddEdge(m + 1 + j, sink, capacity[j]);
        }

        for (var i = 0; i < m; i++)
        {
            if (instance.DemandWeight[i] > 0)
            {
                graph.AddEdge(source, 1 + i, instance.DemandWeight[i]);
            }
        }

        var flow = graph.MaxFlow(source, sink, Epsilon);
        if (siteLoad is not null)
        {
            for (var j = 0; j < n; j++)
            {
                siteLoad[j] = siteEdge[j] >= 0 ? graph.Flow(siteEdge[j]) : 0.0;
            }
        }

        return flow;
    }
}
