using Quanet.Security.Qkd.Simulation;

namespace Quanet.Security.Qkd.Network;

/// <summary>
/// Time-stepped simulation of a trusted-node QKD network: every link fills its key pool at the
/// modelled secret-key rate; requests for end-to-end key arrive per demand as a Poisson process and
/// are relayed hop by hop along the path whose weakest pool holds the most key (widest path, fewer
/// hops on ties); a request that no path can serve is counted as unmet.
/// </summary>
public static class TrustedNodeNetwork
{
    /// <summary>Simulates the network.</summary>
    /// <param name="links">The QKD links; node ids are taken from their ends.</param>
    /// <param name="demands">End-to-end key demands.</param>
    /// <param name="options">Physics, time, request size, pool size and seed.</param>
    /// <param name="cancellationToken">Stops the simulation between steps.</param>
    /// <exception cref="ArgumentException">Bad options, a demand between unknown nodes, or a link of negative length.</exception>
    public static NetworkSimulationResult Simulate(IReadOnlyList<QkdNetworkLink> links, IReadOnlyList<KeyDemand> demands, NetworkSimulationOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(links);
        ArgumentNullException.ThrowIfNull(demands);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Node(string id) => index.TryGetValue(id, out var i) ? i : index[id] = index.Count;
        var ends = new (int A, int B)[links.Count];
        var rates = new double[links.Count];
        for (var l = 0; l < links.Count; l++)
        {
            ends[l] = (Node(links[l].From), Node(links[l].To));
            rates[l] = DecoyBb84Model.OptimalRate(options.Link, options.Protocol, links[l].Length).RateBitsPerSecond;
        }

        var adjacency = new List<(int Neighbour, int Link)>[index.Count];
        for (var v = 0; v < adjacency.Length; v++)
        {
            adjacency[v] = [];
        }

        for (var l = 0; l < links.Count; l++)
        {
            adjacency[ends[l].A].Add((ends[l].B, l));
            adjacency[ends[l].B].Add((ends[l].A, l));
        }

        var pairs = new (int From, int To, double Lambda)[demands.Count];
        for (var d = 0; d < demands.Count; d++)
        {
            var demand = demands[d];
            if (!index.TryGetValue(demand.From, out var from) || !index.TryGetValue(demand.To, out var to))
            {
                throw new ArgumentException($"demand {demand.From} -> {demand.To} names a node that no link reaches");
            }

            if (!(demand.BitsPerSecond >= 0))
            {
                throw new ArgumentException($"demand {demand.From} -> {demand.To} must be >= 0 bit/s");
            }

            pairs[d] = (from, to, demand.BitsPerSecond / options.RequestBits);
        }

        var pools = new double[links.Count];
        Array.Fill(pools, options.InitialPoolBits);
        var consumed = new long[links.Count];
        var requested = new long[demands.Count];
        var delivered = new long[demands.Count];
        var hops = new long[demands.Count];
        var random = new Xoshiro256(options.Seed);
        var router = new WidestPathRouter(adjacency);
        var queue = new List<int>();
        var steps = (long)Math.Ceiling(options.DurationSeconds / options.StepSeconds);
        for (long step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var l = 0; l < pools.Length; l++)
            {
                pools[l] = Math.Min(options.PoolCapacityBits, pools[l] + (rates[l] * options.StepSeconds));
            }

            queue.Clear();
            for (var d = 0; d < pairs.Length; d++)
            {
                var arrivals = Poisson(pairs[d].Lambda * options.StepSeconds, random);
                for (var k = 0; k < arrivals; k++)
                {
                    queue.Add(d);
                }
            }

            // serve this step's requests in random order so no demand is always first
            for (var i = queue.Count - 1; i > 0; i--)
            {
                var j = random.NextInt(i + 1);
                (queue[i], queue[j]) = (queue[j], queue[i]);
            }

            foreach (var d in queue)
            {
                requested[d] += options.RequestBits;
                var path = router.Route(pairs[d].From, pairs[d].To, pools, options.RequestBits);
                if (path is null)
                {
                    continue;
                }

                foreach (var l in path)
                {
                    pools[l] -= options.RequestBits;
                    consumed[l] += options.RequestBits;
                }

                delivered[d] += options.RequestBits;
                hops[d] += path.Count;
            }
        }

        var demandOutcomes = new DemandOutcome[demands.Count];
        for (var d = 0; d < demands.Count; d++)
        {
            var served = delivered[d] / options.RequestBits;
            demandOutcomes[d] = new DemandOutcome(demands[d].From, demands[d].To, requested[d], delivered[d], requested[d] - delivered[d], served == 0 ? 0 : (double)hops[d] / served);
        }

        var linkOutcomes = new LinkOutcome[links.Count];
        for (var l = 0; l < links.Count; l++)
        {
            linkOutcomes[l] = new LinkOutcome(links[l].From, links[l].To, rates[l], consumed[l], pools[l]);
        }

        return new NetworkSimulationResult(demandOutcomes, linkOutcomes);
    }

    /// <summary>Poisson sample by inversion (Knuth) for small means, normal approximation above 50.</summary>
    private static int Poisson(double mean, Xoshiro256 random)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 50)
        {
            var u1 = 1 - random.NextDouble();
            var u2 = random.NextDouble();
            var normal = Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }
}
