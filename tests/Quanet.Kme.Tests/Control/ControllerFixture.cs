using System.Diagnostics;
using System.Net.Security;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Tests.Support;

namespace Quanet.Kme.Tests.Control;

/// <summary>A ring KME_1 - KME_2 - KME_3 - KME_4 - KME_1 in this process with its SDN controller, every link reported up.</summary>
internal static class ControllerFixture
{
    public static readonly (int, int)[] Ring = [(1, 2), (2, 3), (3, 4), (4, 1)];

    public static async Task<KmeNetwork> StartRingAsync()
    {
        var network = new KmeNetwork(4, Ring, controller: true);
        await network.StartControllerAsync(TimeProvider.System);
        await network.StartAsync(TimeProvider.System);
        var deadline = Stopwatch.StartNew();
        while (!network.Controller!.State.Links().All(l => l.Up && l.UsableBlocksA > 0 && l.UsableBlocksB > 0))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(60), "the controller did not see every link up");
            await Task.Delay(20);
        }

        return network;
    }

    /// <summary>An HTTPS client of the controller presenting <paramref name="identity"/>'s certificate (none when null).</summary>
    public static HttpClient Client(KmeNetwork network, string? identity, bool foreign = false)
    {
        var trust = new TrustValidator(network.Pki.Ca, TimeProvider.System);
        HttpMessageHandler handler = identity is null
            ? new SocketsHttpHandler
            {
                SslOptions = new SslClientAuthenticationOptions
                {
                    RemoteCertificateValidationCallback = (_, certificate, _, _) => trust.ValidateServer(certificate as System.Security.Cryptography.X509Certificates.X509Certificate2) == KmeNetwork.ControllerId,
                },
            }
            : TlsSettings.Handler(foreign ? network.Pki.ForeignIdentity(identity) : network.Pki.Identity(identity), trust, KmeNetwork.ControllerId);
        return new HttpClient(handler, disposeHandler: true) { BaseAddress = new Uri("https://" + network.Topology.Controller!.Listen) };
    }
}
