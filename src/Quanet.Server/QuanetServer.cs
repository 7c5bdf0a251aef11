using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Core;
using Quanet.Server.Api;
using Quanet.Server.Hosting;
using Quanet.Server.Security;

namespace Quanet.Server;

/// <summary>
/// The Quanet server: the versioned REST API under <c>/api/v1</c>, the VES collector, health, metrics, the OpenAPI
/// document and the web console, on Kestrel. Every endpoint but <c>/healthz</c> and <c>/readyz</c> requires an
/// authenticated caller (the fallback authorization policy); plain HTTP is refused unless the address is loopback.
/// </summary>
public sealed class QuanetServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private QuanetServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the server listens on (with the real port when 0 was asked), ending in '/'.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The application's services (stores, job queue) for tests and the hosting command.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The path of the server's SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static string DatabasePath(string dataDirectory) => Path.Combine(dataDirectory, "server.db");

    /// <summary>The API keys of the server in <paramref name="dataDirectory"/> (the directory is created, mode 0700, when missing).</summary>
    public static ApiKeyStore OpenKeys(string dataDirectory)
    {
        DataDirectory.Create(dataDirectory);
        return new ApiKeyStore(DatabasePath(dataDirectory));
    }

    /// <summary>Creates the data directory (mode 0700 on Unix), builds the host and starts listening.</summary>
    /// <exception cref="QuanetException">Plain HTTP on a non-loopback address, or a TLS file that cannot be read.</exception>
    public static async Task<QuanetServer> StartAsync(ServerOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var tls = LoadCertificate(options);
        if (tls is null && !System.Net.IPAddress.IsLoopback(options.Listen.Address))
        {
            throw new QuanetException($"plain HTTP is allowed on loopback only: give --tls-cert and --tls-key to listen on {options.Listen}");
        }

        DataDirectory.Create(options.DataDirectory);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        ServerLogging.Configure(builder.Logging, options.ConsoleLogs);
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = RequestLimits.UploadCeilingBytes;
            k.Listen(options.Listen, l =>
            {
                if (tls is not null)
                {
                    l.UseHttps(tls);
                }
            });
        });
        var keys = new ApiKeyStore(DatabasePath(options.DataDirectory));
        var audit = new AuditLog(DatabasePath(options.DataDirectory));
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(options.TimeProvider ?? TimeProvider.System);
        builder.Services.AddSingleton(keys);
        builder.Services.AddSingleton(audit);
        builder.Services.AddSingleton<IReadinessCheck>(new StoreReadiness("server.db", () => keys.List()));
        builder.Services.ConfigureHttpJsonOptions(j => j.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        ServerAuthentication.Add(builder.Services, options);
        RateLimits.Add(builder.Services, options.RequestsPerMinute);
        OpenApiSetup.Add(builder.Services);
        Telemetry.Add(builder.Services);
        ServerAreas.AddServices(builder.Services, options);

        var app = builder.Build();
        RequestLog.Use(app);
        ProblemMiddleware.Use(app);
        app.UseRouting();
        RequestLimits.Use(app, options.MaxRequestBodyBytes);
        app.UseAuthentication();
        AuditMiddleware.Use(app);
        app.UseRateLimiter();
        app.UseAuthorization();
        HealthEndpoints.Map(app);
        OpenApiSetup.Map(app);
        Telemetry.Map(app);
        ServerAreas.MapEndpoints(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new QuanetServer(app, new Uri(address.EndsWith('/') ? address : address + "/"));
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
    }

    internal static X509Certificate2? LoadCertificate(ServerOptions options)
    {
        if (options.TlsCertificatePath is null && options.TlsKeyPath is null)
        {
            return null;
        }

        if (options.TlsCertificatePath is null || options.TlsKeyPath is null)
        {
            throw new QuanetException("TLS needs both a certificate (--tls-cert) and its private key (--tls-key)");
        }

        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(options.TlsCertificatePath, options.TlsKeyPath);
            // Kestrel on Linux needs the key in an exportable, non-ephemeral form
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new QuanetException($"cannot read the TLS certificate {options.TlsCertificatePath} with key {options.TlsKeyPath}: {ex.Message}");
        }
    }
}
