namespace Quanet.Security.Pqc;

/// <summary>How a key is stored in a file.</summary>
public enum PqcKeyFormat
{
    /// <summary>PEM: base64 SubjectPublicKeyInfo ("PUBLIC KEY") or PKCS#8 ("PRIVATE KEY") with the NIST OIDs.</summary>
    Pem,

    /// <summary>DER: the same structures in binary.</summary>
    Der,

    /// <summary>Raw: the bare FIPS 203/204 encoding; the parameter set follows from the length.</summary>
    Raw,
}
