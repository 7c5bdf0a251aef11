using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Quanet.Server.Api;
using Quanet.Server.WebConsole;

namespace Quanet.Server.Hosting;

/// <summary>
/// The areas of the server, each with its services and endpoints in its own files: plans, security, operations,
/// administration (keys, audit), and the console. A new area adds one line to each method.
/// </summary>
internal static class ServerAreas
{
    public static void AddServices(IServiceCollection services, ServerOptions options)
    {
        Operations.OperationsArea.AddServices(services);
        Plans.PlanServices.Add(services, options);
        ConsoleEndpoints.AddServices(services);
    }

    public static void MapEndpoints(WebApplication app)
    {
        var api = app.MapGroup("/api/v1");
        AdminEndpoints.Map(api);
        Operations.OperationsArea.MapEndpoints(app, api);
        PlanEndpoints.Map(api);
        SecureEndpoints.Map(api);
        ConsoleEndpoints.Map(app);
    }
}
