using Quanet.Core.Units;

namespace Quanet.Security.Qkd.Network;

/// <summary>A fibre between two trusted nodes that runs QKD.</summary>
/// <param name="From">Node id at one end.</param>
/// <param name="To">Node id at the other end.</param>
/// <param name="Length">Fibre length.</param>
public sealed record QkdNetworkLink(string From, string To, Kilometres Length);
