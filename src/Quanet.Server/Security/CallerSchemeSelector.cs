using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace Quanet.Server.Security;

/// <summary>
/// Picks the scheme that checks a request's credentials: API keys (<c>Bearer qnk_...</c> and HTTP Basic) go to the
/// key handler, any other bearer token to the OIDC JWT handler when an issuer is configured.
/// </summary>
internal static class CallerSchemeSelector
{
    public const string SchemeName = "Caller";

    public static string Select(HttpContext context, bool oidc)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var isBearer = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
        var isKey = isBearer && header.AsSpan("Bearer ".Length).TrimStart().StartsWith("qnk_", StringComparison.Ordinal);
        return oidc && isBearer && !isKey ? JwtBearerDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName;
    }
}
