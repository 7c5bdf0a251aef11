using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Quanet.Server.Security;

/// <summary>Authenticates <c>Authorization: Bearer qnk_...</c> against the <see cref="ApiKeyStore"/>.</summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        var key = keys.Find(header["Bearer ".Length..].Trim());
        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        // a key holds its role and every role below it, so User.IsInRole reads the rights directly
        Claim[] claims = [new Claim(ClaimTypes.Name, key.Name), .. Roles.Implied(key.Role).Select(r => new Claim(ClaimTypes.Role, r))];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
