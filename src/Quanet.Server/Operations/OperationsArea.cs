using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Server.Hosting;

namespace Quanet.Server.Operations;

/// <summary>The operate area: VES collector, alarms, incidents and runbooks, interconnect defence.</summary>
internal static class OperationsArea
{
    public static void AddServices(IServiceCollection services)
    {
        services.AddSingleton(sp => new OperationsRuntime(sp.GetRequiredService<ServerOptions>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IReadinessCheck>(sp => new StoreReadiness("operations.db", () => sp.GetRequiredService<OperationsRuntime>().Engine.Store.CountAlarms()));
    }

    public static void MapEndpoints(WebApplication app, RouteGroupBuilder api)
    {
        VesEndpoints.Map(app);
        AlarmEndpoints.Map(api);
        IncidentEndpoints.Map(api);
        KpiEndpoints.Map(api);
        DefenceEndpoints.Map(api);
    }
}
