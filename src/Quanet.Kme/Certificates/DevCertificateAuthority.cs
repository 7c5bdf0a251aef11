using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Quanet.Kme.Certificates;

/// <summary>
/// A development certificate authority (ECDSA P-256) that issues KME server certificates and SAE client
/// certificates as PEM files. The SAE ID or KME ID is the certificate's subject CN. For local use only.
/// </summary>
public static class DevCertificateAuthority
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>Writes <c>ca.crt</c>, and <c>NAME.crt</c> + <c>NAME.key</c> for every KME and SAE, into <paramref name="folder"/>.</summary>
    /// <param name="folder">Output folder; created if missing.</param>
    /// <param name="kmeIds">KME IDs: certificates for TLS server and client auth, SAN 127.0.0.1, ::1 and localhost.</param>
    /// <param name="saeIds">SAE IDs: certificates for TLS client auth.</param>
    /// <param name="now">Validity starts one hour before this instant and lasts <paramref name="validDays"/> days.</param>
    /// <param name="validDays">Validity in days.</param>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<string> kmeIds, IReadOnlyList<string> saeIds, DateTimeOffset now, int validDays = 825)
    {
        ArgumentNullException.ThrowIfNull(kmeIds);
        ArgumentNullException.ThrowIfNull(saeIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(validDays);
        foreach (var name in kmeIds.Concat(saeIds))
        {
            if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(',', StringComparison.Ordinal) || name.Contains('=', StringComparison.Ordinal))
            {
                throw new ArgumentException($"'{name}' cannot be a KME or SAE ID (empty, or holds a character not allowed in a file name or CN)");
            }
        }

        if (kmeIds.Concat(saeIds).Distinct(StringComparer.Ordinal).Count() != kmeIds.Count + saeIds.Count)
        {
            throw new ArgumentException("KME and SAE IDs must all be different");
        }

        Directory.CreateDirectory(folder);
        var written = new List<string>();
        var notBefore = now.AddHours(-1);
        var notAfter = now.AddDays(validDays);
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=Quanet dev KME CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caRequest.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caRequest.PublicKey, false));
        using var ca = caRequest.CreateSelfSigned(notBefore, notAfter.AddDays(1));
        written.Add(WriteText(folder, "ca.crt", ca.ExportCertificatePem()));
        foreach (var kme in kmeIds)
        {
            written.AddRange(Issue(folder, ca, caKey, kme, server: true, notBefore, notAfter));
        }

        foreach (var sae in saeIds)
        {
            written.AddRange(Issue(folder, ca, caKey, sae, server: false, notBefore, notAfter));
        }

        return written;
    }

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
        var keyFile = WriteText(folder, name + ".key", key.ExportPkcs8PrivateKeyPem());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return [WriteText(folder, name + ".crt", certificate.ExportCertificatePem()), keyFile];
    }

    private static string WriteText(string folder, string file, string pem)
    {
        var path = Path.Combine(folder, file);
        File.WriteAllText(path, pem + "\n");
        return path;
    }
}
