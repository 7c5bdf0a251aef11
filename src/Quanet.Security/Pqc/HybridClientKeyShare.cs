namespace Quanet.Security.Pqc;

/// <summary>The client's X25519MLKEM768 key share and the ephemeral secrets needed to finish.</summary>
/// <param name="Share">The 1216-byte key share to send (ek || X25519 public key).</param>
/// <param name="MlKemDecapsulationKey">The client's ML-KEM-768 decapsulation key (secret).</param>
/// <param name="X25519PrivateKey">The client's X25519 scalar (secret).</param>
public sealed record HybridClientKeyShare(byte[] Share, byte[] MlKemDecapsulationKey, byte[] X25519PrivateKey);
