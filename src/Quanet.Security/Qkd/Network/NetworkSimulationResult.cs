namespace Quanet.Security.Qkd.Network;

/// <summary>Outcome of a trusted-node network simulation.</summary>
/// <param name="Demands">One entry per demand, in input order.</param>
/// <param name="Links">One entry per link, in input order.</param>
public sealed record NetworkSimulationResult(IReadOnlyList<DemandOutcome> Demands, IReadOnlyList<LinkOutcome> Links)
{
    /// <summary>Total requested bits over all demands.</summary>
    public long RequestedBits => Demands.Sum(d => d.RequestedBits);

    /// <summary>Total bits that could not be delivered.</summary>
    public long UnmetBits => Demands.Sum(d => d.UnmetBits);
}

/// <summary>What one demand got.</summary>
/// <param name="From">Source node.</param>
/// <param name="To">Destination node.</param>
/// <param name="RequestedBits">Bits requested over the simulation.</param>
/// <param name="DeliveredBits">Bits relayed end to end.</param>
/// <param name="UnmetBits">Bits refused because no path had enough key.</param>
/// <param name="MeanHops">Mean number of links per delivered request (0 when none).</param>
public sealed record DemandOutcome(string From, string To, long RequestedBits, long DeliveredBits, long UnmetBits, double MeanHops)
{
    /// <summary>Fraction of requested bits not delivered.</summary>
    public double UnmetFraction => RequestedBits == 0 ? 0 : (double)UnmetBits / RequestedBits;
}

/// <summary>How one link's key pool was used.</summary>
/// <param name="From">One end.</param>
/// <param name="To">Other end.</param>
/// <param name="KeyRateBitsPerSecond">Modelled secret-key rate of the link.</param>
/// <param name="ConsumedBits">Key taken from the pool by relays.</param>
/// <param name="FinalPoolBits">Key left in the pool at the end.</param>
public sealed record LinkOutcome(string From, string To, double KeyRateBitsPerSecond, long ConsumedBits, double FinalPoolBits);
