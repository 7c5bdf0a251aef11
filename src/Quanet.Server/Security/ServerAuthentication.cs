using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using Quanet.Core;

namespace Quanet.Server.Security;

/// <summary>
/// Authentication (API keys; OIDC bearer tokens where an issuer is configured) and the role policies. The fallback
/// policy requires an authenticated caller, so an endpoint is private unless it says <c>AllowAnonymous</c>.
/// </summary>
internal static class ServerAuthentication
{
    public static void Add(IServiceCollection services, ServerOptions options)
    {
        var oidc = options.OidcAuthority is not null;
        if (oidc && string.IsNullOrWhiteSpace(options.OidcAudience))
        {
            throw new QuanetException("an OIDC issuer (--oidc-authority) needs the audience its tokens are issued for (--oidc-audience)");
        }

        var authentication = services.AddAuthentication(CallerSchemeSelector.SchemeName)
            .AddPolicyScheme(CallerSchemeSelector.SchemeName, "API key or OIDC token", o => o.ForwardDefaultSelector = http => CallerSchemeSelector.Select(http, oidc))
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        if (oidc)
        {
            authentication.AddJwtBearer(o =>
            {
                o.Authority = options.OidcAuthority!.ToString();
                o.Audience = options.OidcAudience;
                // a loopback issuer (tests, a local IdP) may speak plain HTTP; anything else must be HTTPS
                o.RequireHttpsMetadata = !options.OidcAuthority.IsLoopback;
                o.MapInboundClaims = false;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = ClaimTypes.Name,
                    RoleClaimType = ClaimTypes.Role,
                };
                o.Events = new JwtBearerEvents
                {
                    OnTokenValidated = context =>
                    {
                        OidcRoleMapper.Apply(context.Principal!, options.OidcRoleClaim);
                        return Task.CompletedTask;
                    },
                };
            });
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Read, p => p.RequireRole(Roles.AtLeast(Roles.Viewer)))
            .AddPolicy(Policies.Plan, p => p.RequireRole(Roles.AtLeast(Roles.Planner)))
            .AddPolicy(Policies.Operate, p => p.RequireRole(Roles.AtLeast(Roles.Operator)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));
    }
}
