using System.Security.Cryptography.X509Certificates;
using Quanet.Kme.Certificates;

namespace Quanet.Kme.Tests.Support;

/// <summary>A temporary folder with a dev CA (KME_A, KME_B, SAE_A, SAE_B, SAE_C, SAE_X) and a second, foreign CA.</summary>
internal sealed class Pki : IDisposable
{
    public Pki()
        : this(["KME_A", "KME_B"], ["SAE_A", "SAE_B", "SAE_C", "SAE_X"])
    {
    }

    /// <summary>A CA with certificates for the given KMEs and SAEs (and the foreign CA).</summary>
    public Pki(IReadOnlyList<string> kmes, IReadOnlyList<string> saes)
    {
        Folder = Directory.CreateTempSubdirectory("quanet-kme-").FullName;
        DevCertificateAuthority.Write(Folder, kmes, saes, DateTimeOffset.UtcNow);
        Foreign = Path.Combine(Folder, "foreign");
        DevCertificateAuthority.Write(Foreign, ["KME_F"], ["SAE_A"], DateTimeOffset.UtcNow);
    }

    public string Folder { get; }

    public string Foreign { get; }

    public X509Certificate2 Ca => CertificateFiles.LoadCertificate(Path.Combine(Folder, "ca.crt"));

    public X509Certificate2 Identity(string name) =>
        CertificateFiles.LoadCertificateWithKey(Path.Combine(Folder, name + ".crt"), Path.Combine(Folder, name + ".key"));

    public X509Certificate2 ForeignIdentity(string name) =>
        CertificateFiles.LoadCertificateWithKey(Path.Combine(Foreign, name + ".crt"), Path.Combine(Foreign, name + ".key"));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A child process may still hold a file for a moment; the temp folder is cleaned by the OS.
        }
    }
}
