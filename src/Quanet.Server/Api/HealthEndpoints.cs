using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Quanet.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (its stores are open): the two anonymous endpoints.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", () => Results.Text("ready\n")).AllowAnonymous().ExcludeFromDescription();
    }
}
