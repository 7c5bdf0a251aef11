using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Quanet.Kme.Certificates;

/// <summary>
/// Validates peer certificates against one configured CA only (a custom root trust store; the system store
/// is never consulted) and returns the subject CN, which is the SAE or KME ID.
/// </summary>
public sealed class TrustValidator
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";
    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;

    /// <summary>Creates a validator trusting only <paramref name="ca"/>.</summary>
    public TrustValidator(X509Certificate2 ca, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(time);
        _ca = ca;
        _time = time;
    }

    /// <summary>The trusted CA.</summary>
    public X509Certificate2 Ca => _ca;

    /// <summary>Returns the subject CN of <paramref name="certificate"/> if it chains to the CA and carries the client-auth EKU, else null.</summary>
    public string? ValidateClient(X509Certificate2? certificate) => Validate(certificate, ClientAuth);

    /// <summary>Returns the subject CN of <paramref name="certificate"/> if it chains to the CA and carries the server-auth EKU, else null.</summary>
    public string? ValidateServer(X509Certificate2? certificate) => Validate(certificate, ServerAuth);

    private string? Validate(X509Certificate2? certificate, string usage)
    {
        if (certificate is null)
        {
            return null;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(_ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _time.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid(usage));
        try
        {
            if (!chain.Build(certificate))
            {
                return null;
            }
        }
        catch (CryptographicException)
        {
            return null;
        }

        // The chain must end at exactly our CA, not at some other root that happens to be accepted.
        var root = chain.ChainElements[^1].Certificate;
        if (!root.RawDataMemory.Span.SequenceEqual(_ca.RawDataMemory.Span))
        {
            return null;
        }

        var cn = certificate.GetNameInfo(X509NameType.SimpleName, false);
        return string.IsNullOrEmpty(cn) ? null : cn;
    }
}
