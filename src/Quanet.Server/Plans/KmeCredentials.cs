namespace Quanet.Server.Plans;

/// <summary>
/// The server's own SAE identity at one KME: a client certificate registered there as an SAE, the CA trusted for
/// the KME's server certificate, and the slave SAE whose key pool the status describes.
/// </summary>
/// <param name="CaFile">PEM CA certificate the KME's certificate must chain to.</param>
/// <param name="CertificateFile">PEM client certificate of the server's SAE (its CN is the SAE ID).</param>
/// <param name="KeyFile">PEM private key of <paramref name="CertificateFile"/>.</param>
/// <param name="SlaveSaeId">The SAE whose key supply with the server's SAE is reported.</param>
public sealed record KmeCredentials(string CaFile, string CertificateFile, string KeyFile, string SlaveSaeId);
