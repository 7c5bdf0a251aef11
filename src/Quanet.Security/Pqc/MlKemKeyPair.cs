namespace Quanet.Security.Pqc;

/// <summary>An ML-KEM key pair in the raw FIPS 203 encodings.</summary>
/// <param name="ParameterSet">The parameter set the keys belong to.</param>
/// <param name="EncapsulationKey">The encapsulation key ek (public), <see cref="MlKemSizes.EncapsulationKey"/> bytes.</param>
/// <param name="DecapsulationKey">The decapsulation key dk (private), <see cref="MlKemSizes.DecapsulationKey"/> bytes.</param>
/// <param name="Seed">The 64-byte seed d || z the pair was derived from, or null when only dk is known.</param>
public sealed record MlKemKeyPair(MlKemParameterSet ParameterSet, byte[] EncapsulationKey, byte[] DecapsulationKey, byte[]? Seed);
