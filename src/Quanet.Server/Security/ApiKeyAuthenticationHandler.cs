using System.Security.Claims;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Quanet.Server.Security;

/// <summary>
/// Authenticates <c>Authorization: Bearer qnk_...</c> against the <see cref="ApiKeyStore"/>, and HTTP Basic with the
/// key's name as user and its secret as password (VES senders speak Basic).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        ApiKey? key;
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            key = keys.Find(header["Bearer ".Length..].Trim());
        }
        else if (header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            var (user, password) = DecodeBasic(header["Basic ".Length..].Trim());
            key = password is null ? null : keys.Find(password);
            key = key is not null && string.Equals(key.Name, user, StringComparison.Ordinal) ? key : null;
        }
        else
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (key is null)
        {
            return Task.FromResult(AuthenticateResult.Fail("unknown API key"));
        }

        // a key holds its role and every role below it, so User.IsInRole reads the rights directly
        Claim[] claims = [new Claim(ClaimTypes.Name, key.Name), .. Roles.Implied(key.Role).Select(r => new Claim(ClaimTypes.Role, r))];
        var identity = new ClaimsIdentity(claims, SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = 401;
        Response.Headers.WWWAuthenticate = "Bearer, Basic realm=\"quanet\"";
        return Task.CompletedTask;
    }

    private static (string? User, string? Password) DecodeBasic(string encoded)
    {
        try
        {
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? (null, null) : (text[..colon], text[(colon + 1)..]);
        }
        catch (FormatException)
        {
            return (null, null);
        }
    }
}
