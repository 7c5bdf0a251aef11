namespace Quanet.Defence.Model;

/// <summary>Customer traffic between two topology nodes that must keep flowing.</summary>
/// <param name="From">Source node.</param>
/// <param name="To">Destination node.</param>
/// <param name="Mbps">Offered traffic in Mbit/s.</param>
public sealed record TrafficDemand(string From, string To, double Mbps);
