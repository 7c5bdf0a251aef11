namespace Quanet.Kme.Peering;

/// <summary>Responder's reply: ML-KEM ciphertext, its X25519 share, and an ML-DSA-65 signature over the whole transcript.</summary>
internal sealed class HandshakeReply
{
    public string MlKemCiphertext { get; set; } = "";

    public string X25519PublicKey { get; set; } = "";

    public string Signature { get; set; } = "";
}
