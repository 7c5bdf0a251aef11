using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Cluster.Ingestion;
using Quanet.Core;
using Quanet.Operations.Inventory;
using Quanet.Server.Hosting;
using Quanet.Server.Security;

namespace Quanet.Server.Collector;

/// <summary>
/// A stateless VES collector of the operations cluster (<c>quanet ops collector</c>): the VES 7 listener paths of
/// <c>quanet serve</c>, with its API keys and roles, appending each accepted event to the JetStream ingestion log
/// instead of an embedded engine. Any number can run side by side behind a load balancer; killing one loses nothing
/// acknowledged, since a sender only gets 202 after the log's replicated write.
/// </summary>
public sealed class VesCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly JetStreamEventLog _log;

    private VesCollector(WebApplication app, JetStreamEventLog log, Uri baseAddress, TopologyRegions regions)
    {
        _app = app;
        _log = log;
        BaseAddress = baseAddress;
        Regions = regions;
    }

    /// <summary>The address the collector listens on (with the real port when 0 was asked), ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The topology regions events are published under.</summary>
    public TopologyRegions Regions { get; }

    /// <summary>Reads the inventory, connects to the log (creating its stream when missing) and starts listening.</summary>
    /// <exception cref="QuanetException">Plain HTTP on a non-loopback address, an unreadable TLS file, credentials or inventory.</exception>
    /// <exception cref="InputFormatException">The inventory is malformed.</exception>
    /// <exception cref="EventLogUnavailableException">The log cannot be reached.</exception>
    public static async Task<VesCollector> StartAsync(CollectorOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = QuanetServer.LoadCertificate(new ServerOptions { DataDirectory = ".", TlsCertificatePath = options.TlsCertificatePath, TlsKeyPath = options.TlsKeyPath });
        if (tls is null && !System.Net.IPAddress.IsLoopback(options.Listen.Address))
        {
            throw new QuanetException($"plain HTTP is allowed on loopback only: give --tls-cert and --tls-key to listen on {options.Listen}");
        }

        if (!File.Exists(options.CredentialsPath))
        {
            throw new QuanetException($"credentials file {options.CredentialsPath} not found: it is the key file of `quanet serve` (DATA/server.db; keys from `quanet serve keys add`)");
        }

        var regions = TopologyRegions.FromInventory(InventoryJson.Load(options.InventoryPath));
        var log = await JetStreamEventLog.OpenAsync(options.Log, cancellationToken);
        try
        {
            var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
            ServerLogging.Configure(builder.Logging, options.ConsoleLogs);
            builder.WebHost.UseKestrel(k =>
            {
                k.AddServerHeader = false;
                k.Limits.MaxRequestBodySize = Operations.VesEndpoints.MaxBodyBytes;
                k.Listen(options.Listen, l =>
                {
                    if (tls is not null)
                    {
                        l.UseHttps(tls);
                    }
                });
            });
            builder.Services.AddSingleton(new ApiKeyStore(options.CredentialsPath));
            ServerAuthentication.Add(builder.Services, new ServerOptions { DataDirectory = Path.GetDirectoryName(Path.GetFullPath(options.CredentialsPath))! });
            var app = builder.Build();
            app.UseRouting();
            app.UseAuthentication();
            app.UseAuthorization();
            CollectorEndpoints.Map(app, new ClusterIngest(log, regions), options.RetryAfterSeconds);
            await app.StartAsync(cancellationToken);
            var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return new VesCollector(app, log, new Uri(address.EndsWith('/') ? address : address + "/"), regions);
        }
        catch
        {
            await log.DisposeAsync();
            throw;
        }
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // normal shutdown
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _log.DisposeAsync();
    }
}
