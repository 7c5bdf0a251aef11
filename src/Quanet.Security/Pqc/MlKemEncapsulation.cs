namespace Quanet.Security.Pqc;

/// <summary>The result of ML-KEM encapsulation.</summary>
/// <param name="Ciphertext">The ciphertext c to send to the key owner.</param>
/// <param name="SharedSecret">The 32-byte shared secret K.</param>
public sealed record MlKemEncapsulation(byte[] Ciphertext, byte[] SharedSecret);
