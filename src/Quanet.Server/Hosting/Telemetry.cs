using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using Quanet.Server.Security;

namespace Quanet.Server.Hosting;

/// <summary>
/// Metrics through OpenTelemetry, scraped at <c>/metrics</c> in Prometheus text format (Read policy): ASP.NET Core's
/// request rate and latency, and every meter named <c>Quanet.Server.*</c> (one per area).
/// </summary>
internal static class Telemetry
{
    /// <summary>Prefix of the areas' meter names.</summary>
    public const string MeterPrefix = "Quanet.Server.";

    public static void Add(IServiceCollection services)
    {
        services.AddOpenTelemetry().WithMetrics(m => m
            .AddAspNetCoreInstrumentation()
            .AddMeter(MeterPrefix + "*")
            .AddPrometheusExporter());
    }

    public static void Map(WebApplication app) =>
        app.MapPrometheusScrapingEndpoint("/metrics").RequireAuthorization(Policies.Read);
}
