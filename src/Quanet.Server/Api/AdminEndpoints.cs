using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Core;
using Quanet.Server.Security;

namespace Quanet.Server.Api;

/// <summary>Administration under <c>/api/v1</c>: who the caller is, API keys (names and roles; a secret only once, when created), the audit log.</summary>
internal static class AdminEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/whoami", (HttpContext http) => Results.Json(new
        {
            name = http.User.Identity?.Name,
            roles = Roles.Ordered.Where(http.User.IsInRole).ToArray(),
        })).RequireAuthorization(Policies.Read).WithName("whoami").WithSummary("The caller's name and roles");
        api.MapGet("/keys", (ApiKeyStore keys) => Results.Json(new { keys = keys.List() }))
            .RequireAuthorization(Policies.Admin).WithName("listKeys").WithSummary("Every API key's name and role (never a secret)");
        api.MapPost("/keys", (KeyRequest? request, ApiKeyStore keys, TimeProvider time) =>
        {
            if (request?.Name is null || request.Role is null)
            {
                return Problems.BadRequest("body must be {\"name\": \"...\", \"role\": \"viewer|planner|operator|admin\"}");
            }

            try
            {
                var secret = keys.Add(request.Name, request.Role, time.GetUtcNow());
                return Results.Json(new { name = request.Name, role = request.Role, secret }, statusCode: 201);
            }
            catch (QuanetException ex)
            {
                return ex.Message.Contains("exists already", StringComparison.Ordinal) ? Problems.Conflict(ex.Message) : Problems.BadRequest(ex.Message);
            }
        }).RequireAuthorization(Policies.Admin).WithName("addKey").WithSummary("Creates an API key and returns its secret, once");
        api.MapDelete("/keys/{name}", (string name, ApiKeyStore keys) =>
            keys.Remove(name) ? Results.NoContent() : Problems.NotFound($"no API key named '{Quanet.Core.Text.Printable.Escape(name)}'"))
            .RequireAuthorization(Policies.Admin).WithName("removeKey").WithSummary("Deletes an API key (its holder is refused from then on)");
        api.MapGet("/audit", (AuditLog audit, int? limit, int? offset) =>
        {
            if (limit is < 1 or > 1000 || offset is < 0)
            {
                return Problems.BadRequest("limit must be in 1..1000 and offset at least 0");
            }

            var (records, total) = audit.List(limit ?? 100, offset ?? 0);
            return Results.Json(new { total, records });
        }).RequireAuthorization(Policies.Admin).WithName("listAudit").WithSummary("The audit log of mutating calls, newest first (limit, offset)");
    }

    /// <summary>Body of <c>POST /api/v1/keys</c>.</summary>
    internal sealed record KeyRequest(string? Name, string? Role);
}
