using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Security;

public sealed class TlsTests
{
    [Fact]
    public async Task Serves_https_with_the_configured_certificate_which_a_validating_client_accepts()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-tls-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=quanet-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            var certPath = Path.Combine(folder, "server.crt");
            var keyPath = Path.Combine(folder, "server.key");
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());

            await using var harness = await ServerHarness.StartAsync(o => o with { TlsCertificatePath = certPath, TlsKeyPath = keyPath });
            using var handler = new HttpClientHandler();
            // the client trusts exactly this certificate as its root and validates the chain and the name normally
            handler.ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
            {
                if (presented is null || (errors & ~System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors) != 0)
                {
                    return false;
                }

                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(certificate);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return chain.Build(presented);
            };
            using var client = new HttpClient(handler) { BaseAddress = harness.Server.BaseAddress };
            client.DefaultRequestHeaders.Authorization = new("Bearer", harness.Secret(Roles.Viewer));

            var whoami = await client.GetAsync("api/v1/whoami");

            Assert.Equal("https", harness.Server.BaseAddress.Scheme);
            Assert.Equal(HttpStatusCode.OK, whoami.StatusCode);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task A_client_that_does_not_trust_the_certificate_cannot_connect()
    {
        var folder = Directory.CreateTempSubdirectory("quanet-tls-").FullName;
        try
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=quanet-untrusted", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
            await File.WriteAllTextAsync(Path.Combine(folder, "c.crt"), certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(Path.Combine(folder, "c.key"), rsa.ExportPkcs8PrivateKeyPem());
            await using var harness = await ServerHarness.StartAsync(o => o with { TlsCertificatePath = Path.Combine(folder, "c.crt"), TlsKeyPath = Path.Combine(folder, "c.key") });
            using var client = new HttpClient { BaseAddress = harness.Server.BaseAddress };

            await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("healthz"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
