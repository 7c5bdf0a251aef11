using Quanet.Security.Planning;

namespace Quanet.Workflows.Artifacts;

/// <summary>The protection decided for one backhaul link (its length is <see cref="LinkSecurityDecision.LengthKm"/>).</summary>
/// <param name="From">Node id at one end.</param>
/// <param name="To">Node id at the other end.</param>
/// <param name="Decision">QKD direct, QKD via trusted nodes or the PQC hybrid, with rates and the reason.</param>
public sealed record LinkProtection(string From, string To, LinkSecurityDecision Decision)
{
    /// <summary>The name of <paramref name="mode"/> in the security files: qkd-direct, qkd-trusted-nodes or pqc-hybrid.</summary>
    public static string ModeName(LinkSecurityMode mode) => mode switch
    {
        LinkSecurityMode.QkdDirect => "qkd-direct",
        LinkSecurityMode.QkdTrustedNodes => "qkd-trusted-nodes",
        _ => "pqc-hybrid",
    };

    /// <summary>The mode named <paramref name="name"/> (as <see cref="ModeName"/> writes it), or null.</summary>
    public static LinkSecurityMode? ParseMode(string? name) => name switch
    {
        "qkd-direct" => LinkSecurityMode.QkdDirect,
        "qkd-trusted-nodes" => LinkSecurityMode.QkdTrustedNodes,
        "pqc-hybrid" => LinkSecurityMode.PqcHybrid,
        _ => null,
    };
}
