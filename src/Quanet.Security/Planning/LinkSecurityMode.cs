namespace Quanet.Security.Planning;

/// <summary>How a backhaul link is protected.</summary>
public enum LinkSecurityMode
{
    /// <summary>QKD over the whole fibre meets the required key rate.</summary>
    QkdDirect,

    /// <summary>QKD meets the rate once the fibre is cut into equal segments by trusted nodes.</summary>
    QkdTrustedNodes,

    /// <summary>QKD cannot meet the rate: X25519MLKEM768 hybrid key exchange (post-quantum).</summary>
    PqcHybrid,
}
