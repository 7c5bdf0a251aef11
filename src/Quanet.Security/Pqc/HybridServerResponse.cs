namespace Quanet.Security.Pqc;

/// <summary>The server's X25519MLKEM768 answer.</summary>
/// <param name="Share">The 1120-byte key share to send back (ciphertext || X25519 public key).</param>
/// <param name="SharedSecret">The 64-byte shared secret (ML-KEM secret || X25519 secret).</param>
public sealed record HybridServerResponse(byte[] Share, byte[] SharedSecret);
