namespace Quanet.Security.Pqc;

/// <summary>Byte lengths of the raw ML-DSA encodings of one parameter set (FIPS 204, table 2).</summary>
/// <param name="PublicKey">Length of the public key pk.</param>
/// <param name="SecretKey">Length of the expanded secret key sk.</param>
/// <param name="Signature">Length of a signature.</param>
public readonly record struct MlDsaSizes(int PublicKey, int SecretKey, int Signature)
{
    /// <summary>Length of the key-generation seed xi.</summary>
    public const int Seed = 32;

    /// <summary>Longest context string FIPS 204 allows.</summary>
    public const int MaxContext = 255;

    /// <summary>The sizes of <paramref name="parameterSet"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown parameter set.</exception>
    public static MlDsaSizes Of(MlDsaParameterSet parameterSet) => parameterSet switch
    {
        MlDsaParameterSet.MlDsa44 => new(1312, 2560, 2420),
        MlDsaParameterSet.MlDsa65 => new(1952, 4032, 3309),
        MlDsaParameterSet.MlDsa87 => new(2592, 4896, 4627),
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-DSA parameter set"),
    };
}
