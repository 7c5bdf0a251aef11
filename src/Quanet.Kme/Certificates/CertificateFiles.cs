using System.Security.Cryptography.X509Certificates;
using Quanet.Core;

namespace Quanet.Kme.Certificates;

/// <summary>Loads PEM certificates and keys with errors that name the file.</summary>
public static class CertificateFiles
{
    /// <summary>Loads a certificate (no private key) from a PEM file.</summary>
    /// <exception cref="QuanetException">The file is missing or holds no PEM certificate.</exception>
    public static X509Certificate2 LoadCertificate(string path)
    {
        try
        {
            return X509Certificate2.CreateFromPem(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new QuanetException($"{path}: cannot load a PEM certificate: {ex.Message}");
        }
    }

    /// <summary>Loads a certificate and its PEM private key, usable for TLS on this platform.</summary>
    /// <exception cref="QuanetException">A file is missing, malformed, or the key does not match.</exception>
    public static X509Certificate2 LoadCertificateWithKey(string certificatePath, string keyPath)
    {
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // A PKCS#12 round trip gives a certificate whose key SslStream can use on every platform.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new QuanetException($"{certificatePath} / {keyPath}: cannot load certificate and key: {ex.Message}");
        }
    }
}
