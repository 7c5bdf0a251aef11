using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Server.Hosting;

namespace Quanet.Server.Api;

/// <summary><c>/healthz</c> (the process answers) and <c>/readyz</c> (its stores open and read): the two anonymous endpoints.</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", () => Results.Text("ok\n")).AllowAnonymous().ExcludeFromDescription();
        app.MapGet("/readyz", (IEnumerable<IReadinessCheck> checks) =>
        {
            foreach (var check in checks)
            {
                try
                {
                    check.Check();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // the name only: a store's error text may carry paths an anonymous caller need not see
                    _ = ex;
                    return Results.Text($"not ready: {check.Name}\n", statusCode: 503);
                }
            }

            return Results.Text("ready\n");
        }).AllowAnonymous().ExcludeFromDescription();
    }
}
