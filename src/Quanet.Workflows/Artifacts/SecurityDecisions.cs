using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>The security step's result, and what a plan directory's <c>security.json</c> holds.</summary>
/// <param name="Policy">The policy the links were decided under.</param>
/// <param name="Links">One decision per backhaul link, in the backhaul's order.</param>
public sealed record SecurityDecisions(SecurityPolicy Policy, IReadOnlyList<LinkProtection> Links)
{
    /// <summary>The post-quantum group of the hybrid key exchange.</summary>
    public const string PqcGroup = "X25519MLKEM768";

    /// <summary>Number of links protected with <paramref name="mode"/>.</summary>
    public int Count(LinkSecurityMode mode)
    {
        var n = 0;
        foreach (var link in Links)
        {
            n += link.Decision.Mode == mode ? 1 : 0;
        }

        return n;
    }

    /// <summary>Trusted nodes over all links.</summary>
    public int TrustedNodesTotal => Links.Sum(l => l.Decision.TrustedNodes);
}
