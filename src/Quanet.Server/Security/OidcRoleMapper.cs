using System.Security.Claims;

namespace Quanet.Server.Security;

/// <summary>
/// Turns a validated OIDC token's role claim into Quanet's role claims: the highest known role the token names, with
/// every role below it, exactly as an API key of that role holds them. A token naming no known role gets none (401
/// on nothing, 403 on every policy).
/// </summary>
internal static class OidcRoleMapper
{
    public static void Apply(ClaimsPrincipal principal, string roleClaim)
    {
        if (principal.Identity is not ClaimsIdentity identity)
        {
            return;
        }

        var named = identity.FindAll(roleClaim).Select(c => c.Value).Where(Roles.IsKnown).ToList();
        var highest = Roles.Ordered.LastOrDefault(named.Contains);
        if (highest is not null)
        {
            foreach (var role in Roles.Implied(highest))
            {
                identity.AddClaim(new Claim(ClaimTypes.Role, role));
            }
        }

        var name = identity.FindFirst("preferred_username")?.Value ?? identity.FindFirst("sub")?.Value;
        if (name is not null && identity.FindFirst(ClaimTypes.Name) is null)
        {
            identity.AddClaim(new Claim(ClaimTypes.Name, "oidc:" + name));
        }
    }
}
