namespace Quanet.Kme.Configuration;

/// <summary>Where a KME's keys come from.</summary>
public sealed class KeySupplyOptions
{
    /// <summary>
    /// <c>qkd</c>: a simulated QKD link filling the pool at <see cref="RateBitsPerSecond"/>;
    /// <c>pqc</c>: hybrid ML-KEM-768 + X25519 agreements with the peer KME, authenticated with ML-DSA-65.
    /// </summary>
    /// <value>Default <c>qkd</c>.</value>
    public string Mode { get; set; } = "qkd";

    /// <summary>Secret key rate of the (simulated) link in bits per second.</summary>
    /// <value>Default 1,000,000 (a short metro link).</value>
    public double RateBitsPerSecond { get; set; } = 1_000_000;

    /// <summary>
    /// Fibre length of the QKD link in km. When set, <see cref="RateBitsPerSecond"/> is replaced by the secret key
    /// rate of decoy-state BB84 at that length with the GYS link parameters (Quanet.Security.Qkd.DecoyBb84Model,
    /// optimal signal intensity).
    /// </summary>
    public double? LinkLengthKm { get; set; }

    /// <summary>How often the pool is topped up, in milliseconds.</summary>
    /// <value>Default 100.</value>
    public int TickMilliseconds { get; set; } = 100;

    /// <summary>Number of pool blocks (256 bits each) produced by one hybrid PQC agreement.</summary>
    /// <value>Default 64.</value>
    public int BlocksPerAgreement { get; set; } = 64;

    /// <summary>This KME's ML-DSA-65 private key file (PEM-like base64, written by <c>quanet kme certs</c>); pqc mode only.</summary>
    public string SigningKeyFile { get; set; } = "";

    /// <summary>The peer KME's ML-DSA-65 public key file; pqc mode only.</summary>
    public string PeerVerifyKeyFile { get; set; } = "";
}
