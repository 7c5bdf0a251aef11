namespace Quanet.Security.Pqc;

/// <summary>An ML-DSA key pair in the raw FIPS 204 encodings.</summary>
/// <param name="ParameterSet">The parameter set the keys belong to.</param>
/// <param name="PublicKey">The public key pk, <see cref="MlDsaSizes.PublicKey"/> bytes.</param>
/// <param name="SecretKey">The expanded secret key sk, <see cref="MlDsaSizes.SecretKey"/> bytes.</param>
/// <param name="Seed">The 32-byte seed xi the pair was derived from, or null when only sk is known.</param>
public sealed record MlDsaKeyPair(MlDsaParameterSet ParameterSet, byte[] PublicKey, byte[] SecretKey, byte[]? Seed);
