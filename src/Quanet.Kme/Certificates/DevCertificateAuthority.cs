using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Quanet.Core;

namespace Quanet.Kme.Certificates;

/// <summary>
/// A development certificate authority (ECDSA P-256) that issues KME server certificates and SAE client
/// certificates as PEM files. The SAE ID or KME ID is the certificate's subject CN. The CA's private key is kept
/// in the folder (<c>ca.key</c>, mode 0600) so that SAEs and KMEs can be added later without re-issuing the
/// others. For local use only.
/// </summary>
public static partial class DevCertificateAuthority
{
    /// <summary>The CA certificate's file name in the folder.</summary>
    public const string CaCertificateFile = "ca.crt";

    /// <summary>The CA private key's file name in the folder.</summary>
    public const string CaKeyFile = "ca.key";

    /// <summary>
    /// Writes <c>ca.crt</c> and <c>ca.key</c> (a new CA), and <c>NAME.crt</c> + <c>NAME.key</c> for every KME and SAE,
    /// into <paramref name="folder"/>. Private keys are created with mode 0600.
    /// </summary>
    /// <param name="folder">Output folder; created if missing.</param>
    /// <param name="kmeIds">KME IDs: certificates for TLS server and client auth, SAN 127.0.0.1, ::1 and localhost.</param>
    /// <param name="saeIds">SAE IDs: certificates for TLS client auth.</param>
    /// <param name="now">Validity starts one hour before this instant and lasts <paramref name="validDays"/> days.</param>
    /// <param name="validDays">Validity in days.</param>
    /// <returns>The files written.</returns>
    /// <exception cref="ArgumentException">An ID is empty, not usable as a file name or CN, or given twice.</exception>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<string> kmeIds, IReadOnlyList<string> saeIds, DateTimeOffset now, int validDays = 825)
    {
        ArgumentNullException.ThrowIfNull(kmeIds);
        ArgumentNullException.ThrowIfNull(saeIds);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(validDays);
        foreach (var name in kmeIds.Concat(saeIds))
        {
            RequireUsableId(name);
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
        written.Add(WriteText(folder, CaCertificateFile, ca.ExportCertificatePem()));
        written.Add(WriteSecret(folder, CaKeyFile, caKey.ExportPkcs8PrivateKeyPem()));
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

    /// <summary>Issues <c>SAE.crt</c> + <c>SAE.key</c> for a new SAE from the CA kept in <paramref name="folder"/>.</summary>
    /// <param name="folder">A folder written by <see cref="Write"/>.</param>
    /// <param name="saeId">The new SAE's ID; no certificate of that name may exist in the folder.</param>
    /// <param name="now">Validity starts one hour before this instant.</param>
    /// <param name="validity">How long the certificate is valid after <paramref name="now"/> (cut at the CA's own end).</param>
    /// <returns>The files written.</returns>
    /// <exception cref="QuanetException">The folder holds no usable CA, or the ID is taken.</exception>
    public static IReadOnlyList<string> AddSae(string folder, string saeId, DateTimeOffset now, TimeSpan validity) =>
        Add(folder, saeId, server: false, now, validity);

    /// <summary>Issues <c>KME.crt</c> + <c>KME.key</c> for a new KME from the CA kept in <paramref name="folder"/>.</summary>
    /// <param name="folder">A folder written by <see cref="Write"/>.</param>
    /// <param name="kmeId">The new KME's ID; no certificate of that name may exist in the folder.</param>
    /// <param name="now">Validity starts one hour before this instant.</param>
    /// <param name="validity">How long the certificate is valid after <paramref name="now"/> (cut at the CA's own end).</param>
    /// <returns>The files written.</returns>
    /// <exception cref="QuanetException">The folder holds no usable CA, or the ID is taken.</exception>
    public static IReadOnlyList<string> AddKme(string folder, string kmeId, DateTimeOffset now, TimeSpan validity) =>
        Add(folder, kmeId, server: true, now, validity);

    private static string[] Add(string folder, string name, bool server, DateTimeOffset now, TimeSpan validity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(validity, TimeSpan.Zero);
        RequireUsableId(name);
        var caFile = Path.Combine(folder, CaCertificateFile);
        var keyFile = Path.Combine(folder, CaKeyFile);
        if (!File.Exists(keyFile))
        {
            throw new QuanetException($"{keyFile}: no CA key in this folder (made before the CA key was kept?); run 'quanet kme certs' again to make a new CA");
        }

        if (File.Exists(Path.Combine(folder, name + ".crt")))
        {
            throw new QuanetException($"{Path.Combine(folder, name + ".crt")}: a certificate for '{name}' already exists");
        }

        using var ca = CertificateFiles.LoadCertificate(caFile);
        using var caKey = ECDsa.Create();
        try
        {
            caKey.ImportFromPem(File.ReadAllText(keyFile));
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new QuanetException($"{keyFile}: cannot load the CA's PEM private key: {ex.Message}");
        }

        var notAfter = now + validity;
        var caEnd = new DateTimeOffset(ca.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        return Issue(folder, ca, caKey, name, server, now.AddHours(-1), notAfter < caEnd ? notAfter : caEnd);
    }

    private static void RequireUsableId(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name.Contains(',', StringComparison.Ordinal) || name.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{name}' cannot be a KME or SAE ID (empty, or holds a character not allowed in a file name or CN)");
        }
    }
}
