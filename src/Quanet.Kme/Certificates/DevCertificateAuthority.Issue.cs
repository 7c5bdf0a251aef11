using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Quanet.Security.Keys;

namespace Quanet.Kme.Certificates;

public static partial class DevCertificateAuthority
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    private static string[] Issue(string folder, X509Certificate2 ca, ECDsa caKey, string name, bool server, DateTimeOffset notBefore, DateTimeOffset notAfter)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={name}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        var usages = new OidCollection { new Oid(ClientAuth) };
        if (server)
        {
            usages.Add(new Oid(ServerAuth));
            var san = new SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            san.AddIpAddress(IPAddress.IPv6Loopback);
            san.AddDnsName("localhost");
            request.CertificateExtensions.Add(san.Build());
        }

        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(usages, false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(ca, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), notBefore, notAfter, serial);
        var keyFile = WriteSecret(folder, name + ".key", key.ExportPkcs8PrivateKeyPem());
        return [WriteText(folder, name + ".crt", certificate.ExportCertificatePem()), keyFile];
    }

    private static string WriteText(string folder, string file, string pem)
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, pem + "\n");
        return path;
    }

    private static string WriteSecret(string folder, string file, string pem)
    {
        var path = Path.Combine(folder, file);
        SecretFile.WriteText(path, pem + "\n");
        return path;
    }
}
