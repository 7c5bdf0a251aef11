namespace Quanet.Security.Pqc;

/// <summary>A freshly generated ML-KEM or ML-DSA key pair in the form <see cref="PqcKeyFile"/> writes.</summary>
/// <param name="Public">The encapsulation key (ML-KEM) or public key (ML-DSA).</param>
/// <param name="Private">The decapsulation key (ML-KEM) or expanded secret key (ML-DSA).</param>
public sealed record PqcKeyPair(PqcKey Public, PqcKey Private)
{
    /// <summary>The parameter sets <see cref="Generate"/> accepts, by their FIPS 203/204 names.</summary>
    public static IReadOnlyList<string> ParameterSets { get; } = ["ML-KEM-512", "ML-KEM-768", "ML-KEM-1024", "ML-DSA-44", "ML-DSA-65", "ML-DSA-87"];

    /// <summary>True when <see cref="Generate"/> accepts <paramref name="name"/>: a name of <see cref="ParameterSets"/>, any case, dashes optional.</summary>
    public static bool IsParameterSet(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var plain = name.Replace("-", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
        return ParameterSets.Any(p => string.Equals(p.Replace("-", string.Empty, StringComparison.Ordinal), plain, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Generates a key pair of <paramref name="parameterSet"/> ("ML-KEM-768", "mldsa65", ...).</summary>
    /// <exception cref="ArgumentException">Not an ML-KEM or ML-DSA parameter set.</exception>
    public static PqcKeyPair Generate(string parameterSet)
    {
        ArgumentNullException.ThrowIfNull(parameterSet);
        if (parameterSet.StartsWith("ML-KEM", StringComparison.OrdinalIgnoreCase) || parameterSet.StartsWith("MLKEM", StringComparison.OrdinalIgnoreCase))
        {
            var set = MlKem.Parse(parameterSet);
            var pair = MlKem.GenerateKeyPair(set);
            return new PqcKeyPair(
                new PqcKey(PqcKeyKind.MlKemPublic, MlKem.Name(set), pair.EncapsulationKey),
                new PqcKey(PqcKeyKind.MlKemPrivate, MlKem.Name(set), pair.DecapsulationKey));
        }

        if (parameterSet.StartsWith("ML-DSA", StringComparison.OrdinalIgnoreCase) || parameterSet.StartsWith("MLDSA", StringComparison.OrdinalIgnoreCase))
        {
            var set = MlDsa.Parse(parameterSet);
            var pair = MlDsa.GenerateKeyPair(set);
            return new PqcKeyPair(
                new PqcKey(PqcKeyKind.MlDsaPublic, MlDsa.Name(set), pair.PublicKey),
                new PqcKey(PqcKeyKind.MlDsaPrivate, MlDsa.Name(set), pair.SecretKey));
        }

        throw new ArgumentException($"unknown parameter set '{parameterSet}' (expected {string.Join(", ", ParameterSets)})", nameof(parameterSet));
    }
}
