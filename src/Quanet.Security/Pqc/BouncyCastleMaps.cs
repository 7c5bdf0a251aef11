using Org.BouncyCastle.Crypto.Parameters;

namespace Quanet.Security.Pqc;

/// <summary>Maps Quanet's parameter-set enums to BouncyCastle's parameter objects.</summary>
internal static class BouncyCastleMaps
{
    public static MLKemParameters ToBouncyCastle(this MlKemParameterSet parameterSet) => parameterSet switch
    {
        MlKemParameterSet.MlKem512 => MLKemParameters.ml_kem_512,
        MlKemParameterSet.MlKem768 => MLKemParameters.ml_kem_768,
        MlKemParameterSet.MlKem1024 => MLKemParameters.ml_kem_1024,
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-KEM parameter set"),
    };

    public static MLDsaParameters ToBouncyCastle(this MlDsaParameterSet parameterSet) => parameterSet switch
    {
        MlDsaParameterSet.MlDsa44 => MLDsaParameters.ml_dsa_44,
        MlDsaParameterSet.MlDsa65 => MLDsaParameters.ml_dsa_65,
        MlDsaParameterSet.MlDsa87 => MLDsaParameters.ml_dsa_87,
        _ => throw new ArgumentOutOfRangeException(nameof(parameterSet), parameterSet, "unknown ML-DSA parameter set"),
    };
}
