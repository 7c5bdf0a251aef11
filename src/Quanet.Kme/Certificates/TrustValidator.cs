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
    private readonly RevocationList? _revocation;

    /// <summary>Creates a validator trusting only <paramref name="ca"/>.</summary>
    public TrustValidator(X509Certificate2 ca, TimeProvider time)
        : this(ca, time, null)
    {
    }

    /// <summary>Creates a validator trusting only <paramref name="ca"/> and refusing what <paramref name="revocation"/> revokes.</summary>
    internal TrustValidator(X509Certificate2 ca, TimeProvider time, RevocationList? revocation)
    {
        ArgumentNullException.ThrowIfNull(ca);
        ArgumentNullException.ThrowIfNull(time);
        _ca = ca;
        _time = time;
        _revocation = revocation;
    }

    /// <summary>The trusted CA.</summary>
    public X509Certificate2 Ca => _ca;

    /// <summary>Returns the subject CN of <paramref name="certificate"/> if it chains to the CA and carries the client-auth EKU, else null.</summary>
    public string? ValidateClient(X509Certificate2? certificate) => Validate(certificate, ClientAuth)?.Id;

    /// <summary>Returns the subject CN of <paramref name="certificate"/> if it chains to the CA and carries the server-auth EKU, else null.</summary>
    public string? ValidateServer(X509Certificate2? certificate) => Validate(certificate, ServerAuth)?.Id;

    /// <summary>
    /// Like <see cref="ValidateClient"/>, and also returns the span of time in which the whole chain is valid, so
    /// that a caller holding the result can recheck validity on every request with <see cref="IsCurrent"/>.
    /// </summary>
    internal TrustedIdentity? ValidateClientIdentity(X509Certificate2? certificate) => Validate(certificate, ClientAuth);

    /// <summary>
    /// True while the clock is inside the validity of every certificate of <paramref name="identity"/>'s chain and,
    /// where a CRL is configured, the CRL (as it is now) does not revoke the certificate.
    /// </summary>
    internal bool IsCurrent(TrustedIdentity identity)
    {
        var now = _time.GetUtcNow();
        return now >= identity.NotBefore && now <= identity.NotAfter && _revocation?.IsRevoked(identity.Serial) != true;
    }

    private TrustedIdentity? Validate(X509Certificate2? certificate, string usage)
    {
        // A certificate without an EKU extension would pass the chain's application policy (no extension means
        // "any purpose" to X509Chain); an SAE or KME must be issued for the role it plays, so the EKU must be there.
        if (certificate is null || !HasUsage(certificate, usage))
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
        if (string.IsNullOrEmpty(cn))
        {
            return null;
        }

        var notBefore = DateTimeOffset.MinValue;
        var notAfter = DateTimeOffset.MaxValue;
        foreach (var element in chain.ChainElements)
        {
            var from = new DateTimeOffset(element.Certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
            var until = new DateTimeOffset(element.Certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
            notBefore = from > notBefore ? from : notBefore;
            notAfter = until < notAfter ? until : notAfter;
        }

        var identity = new TrustedIdentity(cn, notBefore, notAfter, RevocationList.SerialOf(certificate));
        return _revocation?.IsRevoked(identity.Serial) == true ? null : identity;
    }

    private static bool HasUsage(X509Certificate2 certificate, string usage)
    {
        foreach (var extension in certificate.Extensions)
        {
            if (extension is X509EnhancedKeyUsageExtension eku)
            {
                foreach (var oid in eku.EnhancedKeyUsages)
                {
                    if (oid.Value == usage)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }
}
