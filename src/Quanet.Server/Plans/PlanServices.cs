using Microsoft.Extensions.DependencyInjection;

namespace Quanet.Server.Plans;

/// <summary>The plans area's services: the job store (SQLite or PostgreSQL), the runner, its metrics and change signal.</summary>
internal static class PlanServices
{
    public static void Add(IServiceCollection services, ServerOptions options)
    {
        services.AddSingleton(options.Plans);
        services.AddSingleton<PlanJobChanges>();
        services.AddSingleton<PlanMetrics>();
        services.AddSingleton<IPlanJobStore>(_ => Open(options));
        services.AddSingleton<PlanJobRunner>();
        services.AddSingleton<PlanReads>();
        var kmes = new KmeMonitor(options.Plans.Kmes); // certificates are read here: a broken file stops the start
        services.AddSingleton(_ => kmes);
        services.AddHostedService(sp => sp.GetRequiredService<PlanJobRunner>());
    }

    // the host builds its services synchronously; the store is opened once, at start-up
    private static IPlanJobStore Open(ServerOptions options) => options.Plans.JobStoreConnectionString is { } connectionString
        ? PostgresPlanJobStore.OpenAsync(connectionString).GetAwaiter().GetResult()
        : SqlitePlanJobStore.OpenAsync(SqlitePlanJobStore.PathIn(options.DataDirectory)).GetAwaiter().GetResult();
}
