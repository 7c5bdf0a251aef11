namespace Quanet.Kme.Peering;

/// <summary>First message of the hybrid ML-KEM-768 + X25519 agreement, signed with the initiator's ML-DSA-65 key.</summary>
internal sealed class HandshakeInit
{
    public string Link { get; set; } = "";

    public long FirstIndex { get; set; }

    public int Blocks { get; set; }

    /// <summary>Base64 of the hybrid client share: ML-KEM-768 encapsulation key || X25519 public key.</summary>
    public string ClientShare { get; set; } = "";

    public string Signature { get; set; } = "";
}
