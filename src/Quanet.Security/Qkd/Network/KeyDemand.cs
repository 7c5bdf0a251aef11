namespace Quanet.Security.Qkd.Network;

/// <summary>A pair of nodes that needs end-to-end key at a mean rate.</summary>
/// <param name="From">Source node id.</param>
/// <param name="To">Destination node id.</param>
/// <param name="BitsPerSecond">Mean key demand; requests of <see cref="NetworkSimulationOptions.RequestBits"/> arrive as a Poisson process.</param>
public sealed record KeyDemand(string From, string To, double BitsPerSecond);
