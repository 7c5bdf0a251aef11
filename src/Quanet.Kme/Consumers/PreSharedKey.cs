namespace Quanet.Kme.Consumers;

/// <summary>
/// A pre-shared key for a consumer (TLS 1.3 external PSK, WireGuard, IKEv2), made from one ETSI GS QKD 014 key
/// and, if hybrid, an ML-KEM-768 exchange between the two SAEs.
/// </summary>
/// <param name="KeyId">The QKD key's key_ID; both ends name the key with it (the TLS PSK identity).</param>
/// <param name="Key">The key material: the QKD key itself, or the combiner's output.</param>
/// <param name="Parts">What made the key: <c>qkd</c>, or <c>qkd+ml-kem-768</c>.</param>
/// <param name="KemCiphertext">The ML-KEM-768 ciphertext the other end needs (hybrid, enc side), else null.</param>
public sealed record PreSharedKey(string KeyId, byte[] Key, string Parts, byte[]? KemCiphertext)
{
    /// <summary>The key record: which parts made the key, never the material.</summary>
    public PreSharedKeyRecord Record() => new(
        KeyId,
        Parts,
        Parts == PreSharedKeys.HybridParts ? Supply.HybridKeyCombiner.Name : null,
        Key.Length * 8);
}
