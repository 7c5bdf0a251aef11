namespace Quanet.Kme.Peering;

/// <summary>Responder's reply: the hybrid server share and an ML-DSA-65 signature over the whole transcript.</summary>
internal sealed class HandshakeReply
{
    /// <summary>Base64 of the hybrid server share: ML-KEM-768 ciphertext || X25519 public key.</summary>
    public string ServerShare { get; set; } = "";

    public string Signature { get; set; } = "";
}
