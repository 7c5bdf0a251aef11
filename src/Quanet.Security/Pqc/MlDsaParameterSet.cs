namespace Quanet.Security.Pqc;

/// <summary>The three ML-DSA parameter sets of FIPS 204, table 1.</summary>
public enum MlDsaParameterSet
{
    /// <summary>ML-DSA-44, NIST security category 2.</summary>
    MlDsa44,

    /// <summary>ML-DSA-65, NIST security category 3.</summary>
    MlDsa65,

    /// <summary>ML-DSA-87, NIST security category 5.</summary>
    MlDsa87,
}
