using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Quanet.Server.Security;

/// <summary>
/// Authentication (API keys; OIDC bearer tokens where an issuer is configured) and the role policies. The fallback
/// policy requires an authenticated caller, so an endpoint is private unless it says <c>AllowAnonymous</c>.
/// </summary>
internal static class ServerAuthentication
{
    public static void Add(IServiceCollection services, ServerOptions options)
    {
        _ = options;
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.AtLeast(Roles.Viewer)))
            .AddPolicy(Policies.Plan, p => p.RequireRole(Roles.AtLeast(Roles.Planner)))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.AtLeast(Roles.Operator)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
    }
}
