using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Core;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Network;

namespace Quanet.Kme.Control;

/// <summary>
/// The SDN controller of a KME network: takes every KME's link reports, computes relay paths centrally (widest
/// path on pool levels with Yen's k best alternatives, around links that are down), and serves topology and link
/// state read-only in the shape of ETSI GS QKD 015, plus Prometheus metrics. Kestrel with mutual TLS.
/// </summary>
public sealed class ControllerServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ControllerServer(WebApplication app, NetworkState state)
    {
        _app = app;
        State = state;
    }

    /// <summary>The address the controller listens on.</summary>
    public Uri BaseAddress { get; private set; } = new("https://127.0.0.1/");

    internal NetworkState State { get; }

    /// <summary>Starts the controller of <paramref name="topology"/> with <c>DIR/ca.crt</c>, <c>DIR/ID.crt</c> and <c>DIR/ID.key</c> from <paramref name="certificateFolder"/>.</summary>
    /// <param name="topology">A topology with a <c>"controller"</c> object.</param>
    /// <param name="certificateFolder">The folder <c>quanet kme certs</c> wrote, holding a certificate for the controller's ID.</param>
    /// <param name="time">Clock of link freshness and certificate validity.</param>
    /// <param name="log">Receives one line per notable event.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="QuanetException">The topology has no controller, or its certificate is missing or wrong.</exception>
    public static async Task<ControllerServer> StartAsync(NetworkTopology topology, string certificateFolder, TimeProvider time, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(time);
        log ??= _ => { };
        var controller = topology.Controller ?? throw new QuanetException("the topology has no \"controller\" object (\"controller\": {\"listen\": \"127.0.0.1:PORT\"})");
        var folder = Path.GetFullPath(certificateFolder);
        var certificateFile = Path.Combine(folder, controller.Id + ".crt");
        if (!File.Exists(certificateFile))
        {
            throw new QuanetException($"{certificateFile} not found: run 'quanet kme certs add-kme --certs {folder} --kme {controller.Id}' (the controller has a KME-type certificate)");
        }

        var ca = CertificateFiles.LoadCertificate(Path.Combine(folder, DevCertificateAuthority.CaCertificateFile));
        var certificate = CertificateFiles.LoadCertificateWithKey(certificateFile, Path.Combine(folder, controller.Id + ".key"));
        var trust = new TrustValidator(ca, time);
        if (trust.ValidateServer(certificate) != controller.Id)
        {
            throw new QuanetException($"{certificateFile}: not a server certificate for '{controller.Id}' issued by {Path.Combine(folder, DevCertificateAuthority.CaCertificateFile)}");
        }

        var state = new NetworkState(topology, time);
        ListenAddress.TryParse(controller.Listen, out var listen);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Quanet.Kme.Controller" });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            kestrel.Listen(listen.Address, listen.Port, endpoint =>
            {
                endpoint.Protocols = HttpProtocols.Http1AndHttp2;
                endpoint.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CheckCertificateRevocation = false,
                    // The handshake admits a caller without a certificate so that it gets a 401 body naming the requirement.
                    ClientCertificateMode = ClientCertificateMode.AllowCertificate,
                    ClientCertificateValidation = (_, _, _) => true,
                    HandshakeTimeout = TimeSpan.FromSeconds(10),
                });
            });
        });
        var app = builder.Build();
        app.UseRouting();
        new ControllerEndpoints(state, trust, log).Map(app);
        app.MapFallback(ControllerEndpoints.NotFound);
        var server = new ControllerServer(app, state);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal) + "/");
        return server;
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }
}
