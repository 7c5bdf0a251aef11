namespace Quanet.Security.Planning;

/// <summary>The protection chosen for one link.</summary>
/// <param name="Mode">QKD direct, QKD via trusted nodes, or PQC hybrid.</param>
/// <param name="LengthKm">Fibre length of the link.</param>
/// <param name="DirectRateBitsPerSecond">Secret-key rate of QKD over the whole length.</param>
/// <param name="TrustedNodes">Trusted nodes inserted (0 unless <see cref="LinkSecurityMode.QkdTrustedNodes"/>).</param>
/// <param name="SegmentKm">Length of each QKD segment (the link length for direct QKD, 0 for PQC).</param>
/// <param name="KeyRateBitsPerSecond">Key rate the chosen QKD option delivers (0 for PQC).</param>
/// <param name="Reason">One line explaining the choice.</param>
public sealed record LinkSecurityDecision(
    LinkSecurityMode Mode,
    double LengthKm,
    double DirectRateBitsPerSecond,
    int TrustedNodes,
    double SegmentKm,
    double KeyRateBitsPerSecond,
    string Reason);
