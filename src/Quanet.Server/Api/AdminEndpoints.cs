using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Server.Security;

namespace Quanet.Server.Api;

/// <summary>Administration under <c>/api/v1</c>: API keys (names and roles, never secrets) and who the caller is.</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/whoami", (HttpContext http) => Results.Json(new
        {
            name = http.User.Identity?.Name,
            roles = Roles.Ordered.Where(http.User.IsInRole).ToArray(),
        })).RequireAuthorization(Policies.Read);
        api.MapGet("/keys", (ApiKeyStore keys) => Results.Json(new { keys = keys.List() })).RequireAuthorization(Policies.Admin);
    }
}
