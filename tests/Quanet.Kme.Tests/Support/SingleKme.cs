using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Hosting;

namespace Quanet.Kme.Tests.Support;

/// <summary>One KME_A on 127.0.0.1 in the default (allow, 401) client certificate mode, and raw HTTPS clients for it.</summary>
internal static class SingleKme
{
    /// <summary>Settings for KME_A with the given SAEs attached to it and, if given, a peer KME_B (at a dead port).</summary>
    public static KmeOptions Options(Pki pki, IEnumerable<string> saes, bool withPeer = false)
    {
        var options = new KmeOptions
        {
            KmeId = "KME_A",
            Listen = "127.0.0.1:0",
            CaCertificate = Path.Combine(pki.Folder, "ca.crt"),
            Certificate = Path.Combine(pki.Folder, "KME_A.crt"),
            PrivateKey = Path.Combine(pki.Folder, "KME_A.key"),
            StorePath = Path.Combine(pki.Folder, "single.db"),
            StoreKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
            MaxKeyCount = 1000,
            Supply = new KeySupplyOptions { RateBitsPerSecond = 10_000_000, TickMilliseconds = 50 },
        };
        foreach (var sae in saes)
        {
            options.Saes.Add(new SaeEntry { Id = sae, Kme = "KME_A" });
        }

        if (withPeer)
        {
            options.PeerKmeId = "KME_B";
            options.PeerUrl = "https://127.0.0.1:" + Ports.Free().ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return options;
    }

    /// <summary>
    /// An HTTP/1.1 client presenting <paramref name="identity"/> over at most one connection; every new TCP
    /// connection increments <paramref name="connects"/>[0].
    /// </summary>
    public static HttpClient Client(KmeServer server, Pki pki, X509Certificate2 identity, int[] connects)
    {
        var trust = new TrustValidator(pki.Ca, TimeProvider.System);
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = 1,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectCallback = async (context, ct) =>
            {
                Interlocked.Increment(ref connects[0]);
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(context.DnsEndPoint, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        handler.SslOptions.ClientCertificates = [identity];
        handler.SslOptions.LocalCertificateSelectionCallback = (_, _, _, _, _) => identity;
        handler.SslOptions.RemoteCertificateValidationCallback = (_, c, _, _) => trust.ValidateServer(c as X509Certificate2) is not null;
        return new HttpClient(handler) { BaseAddress = server.BaseAddress, DefaultRequestVersion = System.Net.HttpVersion.Version11 };
    }

    /// <summary>
    /// A certificate for <paramref name="name"/> signed by the CA kept in <paramref name="pki"/>'s folder, carrying
    /// exactly the EKUs <paramref name="usages"/> (none: no EKU extension at all), with its private key.
    /// </summary>
    public static X509Certificate2 IssueWithUsages(Pki pki, string name, params string[] usages)
    {
        using var caKey = ECDsa.Create();
        caKey.ImportFromPem(File.ReadAllText(Path.Combine(pki.Folder, DevCertificateAuthority.CaKeyFile)));
        using var ca = pki.Ca;
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        if (usages.Length > 0)
        {
            var oids = new OidCollection();
            foreach (var usage in usages)
            {
                oids.Add(new Oid(usage));
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(oids, false));
        }

        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(ca.SubjectName, X509SignatureGenerator.CreateForECDsa(caKey), now.AddHours(-1), now.AddDays(1), RandomNumberGenerator.GetBytes(8));
        using var withKey = certificate.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
