namespace Quanet.Security.Pqc;

/// <summary>What a PQC key file holds.</summary>
public enum PqcKeyKind
{
    /// <summary>An ML-KEM encapsulation (public) key.</summary>
    MlKemPublic,

    /// <summary>An ML-KEM decapsulation (private) key.</summary>
    MlKemPrivate,

    /// <summary>An ML-DSA public key.</summary>
    MlDsaPublic,

    /// <summary>An ML-DSA secret key.</summary>
    MlDsaPrivate,
}
