using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Quanet.Kme.Certificates;

namespace Quanet.Kme.Client;

/// <summary>TLS client settings shared by SAE clients and the KME-to-KME channel: our certificate, their CA only.</summary>
internal static class TlsSettings
{
    /// <summary>
    /// A handler that presents <paramref name="clientCertificate"/> and accepts only a server certificate that
    /// chains to the configured CA, matches the host name, and (if given) has subject CN <paramref name="expectedServerId"/>.
    /// </summary>
    public static SocketsHttpHandler Handler(X509Certificate2 clientCertificate, TrustValidator trust, string? expectedServerId, int maxConnections = 64) => new()
    {
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        MaxConnectionsPerServer = maxConnections,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        SslOptions = new SslClientAuthenticationOptions
        {
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ClientCertificates = [clientCertificate],
            LocalCertificateSelectionCallback = (_, _, _, _, _) => clientCertificate,
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                if ((errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
                {
                    return false;
                }

                var cn = trust.ValidateServer(certificate as X509Certificate2);
                return cn is not null && (expectedServerId is null || cn == expectedServerId);
            },
        },
    };
}
