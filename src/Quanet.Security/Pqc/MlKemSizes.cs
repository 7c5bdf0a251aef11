namespace Quanet.Security.Pqc;

/// <summary>Byte lengths of the raw ML-KEM encodings of one parameter set (FIPS 203, table 3).</summary>
/// <param name="EncapsulationKey">Length of the encapsulation (public) key ek.</param>
/// <param name="DecapsulationKey">Length of the expanded decapsulation (private) key dk.</param>
/// <param name="Ciphertext">Length of the ciphertext c.</param>
/// <param name="SharedSecret">Length of the shared secret K (always 32).</param>
public readonly record struct MlKemSizes(int EncapsulationKey, int DecapsulationKey, int Ciphertext, int SharedSecret)
{
    /// <summary>Length of the 64-byte key-generation seed d || z.</summary>
    public const int Seed = 64;

    /// <summary>Length of the encapsulation randomness m.</summary>
    public const int EncapsulationRandomness = 32;

    /// <summary>The sizes of <paramref name="parameterSet"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Unknown parameter set.</exception>
    public static MlKemSizes Of(MlKemParameterSet parameterSet) => parameterSet switch
    {
        MlKemParameterSet.MlKem512 => new(800, 1632, 768, 32),
        MlKemParameterSet.MlKem768 => new(1184, 2400, 1088, 32),
        MlKemParameterSet.MlKem1024 => new(1568, 3168, 1568, 32),
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-KEM parameter set"),
    };
}
