namespace Quanet.Security.Pqc;

/// <summary>A decoded PQC key: its kind, parameter set name and raw FIPS 203/204 encoding.</summary>
/// <param name="Kind">Public or private, ML-KEM or ML-DSA.</param>
/// <param name="ParameterSet">"ML-KEM-768", "ML-DSA-65", ...</param>
/// <param name="Raw">The raw key bytes (ek, dk, pk or expanded sk).</param>
public sealed record PqcKey(PqcKeyKind Kind, string ParameterSet, byte[] Raw)
{
    /// <summary>The ML-KEM parameter set (only for ML-KEM keys).</summary>
    public MlKemParameterSet KemSet => MlKem.Parse(ParameterSet);

    /// <summary>The ML-DSA parameter set (only for ML-DSA keys).</summary>
    public MlDsaParameterSet DsaSet => MlDsa.Parse(ParameterSet);
}
