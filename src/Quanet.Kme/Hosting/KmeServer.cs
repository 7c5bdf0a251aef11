using System.Security.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Core.Units;
using Quanet.Kme.Certificates;
using Quanet.Kme.Configuration;
using Quanet.Kme.Peering;
using Quanet.Kme.Relay;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Kme.Supply;
using Quanet.Security.Qkd;

namespace Quanet.Kme.Hosting;

/// <summary>A running KME: Kestrel with mutual TLS, the key store and the key supply.</summary>
public sealed class KmeServer : IAsyncDisposable
{
    private static readonly TimeSpan PeerTimeout = TimeSpan.FromSeconds(10);
    private readonly WebApplication _app;
    private readonly IKeyStore _store;
    private readonly Dictionary<string, PeerKmeClient> _peers;
    private readonly Dictionary<string, PeerAnnouncer> _announcers;
    private readonly Dictionary<string, RelayForwarder> _forwarders;
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private Control.ControllerClient? _controller;
    private readonly RelayPool? _relayPool;

    private KmeServer(WebApplication app, IKeyStore store, Dictionary<string, PeerKmeClient> peers, Dictionary<string, PeerAnnouncer> announcers,
        Dictionary<string, RelayForwarder> forwarders, KeyDeliveryService service, RelayPool? relayPool)
    {
        _relayPool = relayPool;
        _app = app;
        _store = store;
        _peers = peers;
        _announcers = announcers;
        _forwarders = forwarders;
        Service = service;
    }

    /// <summary>The address the server listens on (with the real port when 0 was asked for).</summary>
    public Uri BaseAddress { get; private set; } = new("https://127.0.0.1/");

    /// <summary>KME-to-KME key hand-over calls made so far (each may carry the keys of many requests).</summary>
    public long PeerHandOverCalls => _announcers.Values.Sum(a => a.Calls);

    /// <summary>Keys handed out and still waiting for a slave.</summary>
    public long PendingKeys => _store.CountKeys();

    internal KeyDeliveryService Service { get; }

    /// <summary>This KME's audit trail, oldest first: which SAE received which key ID, when, through which call.</summary>
    public Task<IReadOnlyList<KeyDelivery>> ListDeliveriesAsync() => _store.ListDeliveriesAsync();

    /// <summary>This KME's relay audit trail, oldest first: which relays passed here, from and to which KME, with which pad blocks.</summary>
    public Task<IReadOnlyList<RelayAuditEntry>> ListRelaysAsync() => _store.ListRelaysAsync();

    /// <summary>Keys this KME holds relayed ahead for master SAE <paramref name="master"/> and slave SAE <paramref name="slave"/> (see <see cref="KmeOptions.RelayPoolKeys"/>).</summary>
    public long PreRelayedKeys(string master, string slave) => _store.CountRelayPool(master, slave);

    /// <summary>Pool blocks this KME holds on its link to neighbour <paramref name="neighbour"/> (either owner, ready or not).</summary>
    public long LinkPoolBlocks(string neighbour) => _store.CountAllBlocks(Service.Directory.LinkTo(neighbour));

    /// <summary>Validates <paramref name="options"/>, opens the store, starts Kestrel and the key supply.</summary>
    /// <param name="options">The KME settings.</param>
    /// <param name="time">Clock for certificate validity and the supply rate.</param>
    /// <param name="log">Receives one line per notable event (errors, recoveries); never key material.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <exception cref="Quanet.Core.QuanetException">Bad settings or unreadable files.</exception>
    public static async Task<KmeServer> StartAsync(KmeOptions options, TimeProvider time, Action<string>? log = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        KmeOptionsLoader.Validate(options, "KME settings");
        log ??= _ => { };
        var ca = CertificateFiles.LoadCertificate(options.CaCertificate);
        var certificate = CertificateFiles.LoadCertificateWithKey(options.Certificate, options.PrivateKey);
        var trust = new TrustValidator(ca, time, !string.IsNullOrEmpty(options.CrlFile) ? new RevocationList(options.CrlFile, ca, time) : null);
        if (trust.ValidateServer(certificate) != options.KmeId)
        {
            throw new Quanet.Core.QuanetException($"{options.Certificate}: not a server certificate for '{options.KmeId}' issued by {options.CaCertificate}");
        }

        if (options.Supply.LinkLengthKm is { } km)
        {
            var rate = DecoyBb84Model.OptimalRate(QkdLinkParameters.Gys, QkdProtocol.Decoy, new Kilometres(km));
            options.Supply.RateBitsPerSecond = rate.RateBitsPerSecond;
            log(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"QKD link of {km} km (decoy BB84, GYS parameters): {rate.RateBitsPerSecond:G4} bit/s, QBER {rate.Qber:P2}"));
            if (!(rate.RateBitsPerSecond > 0))
            {
                throw new Quanet.Core.QuanetException($"a QKD link of {km} km yields no secret key (beyond the maximum distance)");
            }
        }

        var store = await KeyStores.OpenAsync(options, time, cancellationToken).ConfigureAwait(false);
        var directory = new SaeDirectory(options);
        var peers = new Dictionary<string, PeerKmeClient>(StringComparer.Ordinal);
        var announcers = new Dictionary<string, PeerAnnouncer>(StringComparer.Ordinal);
        var forwarders = new Dictionary<string, RelayForwarder>(StringComparer.Ordinal);
        foreach (var link in SaeDirectory.Neighbourhood(options))
        {
            var client = new PeerKmeClient(link.PeerKmeId, new Uri(link.PeerUrl), certificate, trust);
            peers[link.PeerKmeId] = client;
            announcers[link.PeerKmeId] = new PeerAnnouncer(client, directory.LinkTo(link.PeerKmeId), PeerTimeout, options.GroupPeerHandOver);
            forwarders[link.PeerKmeId] = new RelayForwarder(directory.LinkTo(link.PeerKmeId), client.RelayAsync);
        }

        // Every KME with a link can be a transit or last KME of a relay, even one that never starts a relay itself.
        var relay = forwarders.Count > 0 ? new RelayService(options, directory, store, forwarders, time) : null;
        var relayPool = relay is not null && options.RelayPoolKeys > 0 ? new RelayPool(options, directory, store, relay, time, log) : null;
        var service = new KeyDeliveryService(options, directory, store, announcers, relay, relayPool);
        var controller = Control.ControllerLink.Connect(options, certificate, trust, relay, time, log);
        HybridAgreement? agreement = null;
        if (options.Supply.Mode == "pqc")
        {
            agreement = new HybridAgreement(store, directory, PqcIdentity.Load(options.Supply.SigningKeyFile), PqcIdentity.Load(options.Supply.PeerVerifyKeyFile));
        }

        var recovered = await store.RecoverInterruptedAsync().ConfigureAwait(false);
        if (recovered > 0)
        {
            log($"recovery: dropped {recovered} keys whose hand-over to the peer KME was interrupted (never given to their master)");
        }

        ListenAddress.TryParse(options.Listen, out var listen);
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "Quanet.Kme" });
        builder.WebHost.UseKestrelCore();
        builder.Services.AddRoutingCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1 << 20;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 << 10;
            kestrel.Listen(listen.Address, listen.Port, endpoint =>
            {
                endpoint.Protocols = HttpProtocols.Http1AndHttp2;
                var require = options.ClientCertificates == "require";
                endpoint.UseHttps(new HttpsConnectionAdapterOptions
                {
                    ServerCertificate = certificate,
                    SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
                    CheckCertificateRevocation = false,
                    ClientCertificateMode = require ? ClientCertificateMode.RequireCertificate : ClientCertificateMode.AllowCertificate,
                    // Only our CA counts; in "allow" mode the request handler answers 401 instead of failing the handshake.
                    ClientCertificateValidation = (client, _, _) => !require || trust.ValidateClient(client) is not null,
                    HandshakeTimeout = TimeSpan.FromSeconds(10),
                });
            });
        });
        var app = builder.Build();
        app.UseRouting();
        new KmeEndpoints(service, trust, agreement, log).Map(app);
        app.MapFallback(KmeEndpoints.NotFound);
        var server = new KmeServer(app, store, peers, announcers, forwarders, service, relayPool);
        server._controller = controller;
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.Replace("[::]", "localhost", StringComparison.Ordinal) + "/");
        server.StartSupply(options, directory, agreement, time, log);
        if (controller is not null)
        {
            server._background.Add(Task.Run(() => new Control.LinkReporter(controller, store, directory, options, time, log).RunAsync(server._stopping.Token), server._stopping.Token));
        }

        if (relayPool is not null)
        {
            await relayPool.ResumeAsync().ConfigureAwait(false);
        }

        return server;
    }

    /// <summary>Completes when the server stops (Ctrl+C is handled by the caller through <paramref name="cancellationToken"/>).</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Normal shutdown.
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_background).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Supply loops end by cancellation.
        }

        if (_relayPool is not null)
        {
            await _relayPool.DisposeAsync().ConfigureAwait(false);
        }

        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        foreach (var announcer in _announcers.Values)
        {
            await announcer.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var forwarder in _forwarders.Values)
        {
            await forwarder.DisposeAsync().ConfigureAwait(false);
        }

        foreach (var peer in _peers.Values)
        {
            peer.Dispose();
        }

        _controller?.Dispose();
        _store.Dispose();
        _stopping.Dispose();
    }

    private void StartSupply(KmeOptions options, SaeDirectory directory, HybridAgreement? agreement, TimeProvider time, Action<string> log)
    {
        var token = _stopping.Token;
        // One supplier per link (the local pool rides with the first): each link's pool fills at the modelled rate.
        _background.Add(Task.Run(() => new QkdPoolSupplier(_store, directory, options, _peers.Values.FirstOrDefault(), time, log).RunAsync(token), token));
        foreach (var peer in _peers.Values.Skip(1))
        {
            _background.Add(Task.Run(() => new QkdPoolSupplier(_store, directory, options, peer, time, log, fillLocal: false).RunAsync(token), token));
        }

        if (options.KeyExpirySeconds > 0)
        {
            _background.Add(Task.Run(() => new KeyExpiry(_store, TimeSpan.FromSeconds(options.KeyExpirySeconds), time, log).RunAsync(token), token));
        }

        if (agreement is not null && _peers.Count == 1 && directory.LinkLeader == directory.Self)
        {
            var peer = _peers.Values.First();
            _background.Add(Task.Run(() => new PqcPoolSupplier(_store, directory, options, peer, agreement, time, log).RunAsync(token), token));
        }
    }
}
