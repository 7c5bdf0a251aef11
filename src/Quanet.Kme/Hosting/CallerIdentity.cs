using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Quanet.Kme.Certificates;

namespace Quanet.Kme.Hosting;

/// <summary>The authenticated caller of a request: the subject CN of a client certificate that chains to the CA.</summary>
/// <remarks>
/// A keep-alive connection outlives its handshake, so validity is decided per request, not per connection. The
/// chain is built once per connection (it cannot change on that connection) together with the span of time in
/// which every certificate of the chain is valid; each request then checks the injected clock against that span
/// and, where a CRL is configured, the CRL as it is now (<see cref="RevocationList"/>), so a certificate revoked
/// while its connection is open is refused on that connection's next request.
/// </remarks>
internal static class CallerIdentity
{
    private static readonly object Key = new();
    private static readonly object Refused = new();

    /// <summary>Returns the caller's ID if its certificate is trusted and valid now, or null.</summary>
    public static string? Of(HttpContext context, TrustValidator trust)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        object? cached = null;
        if (items is null || !items.TryGetValue(Key, out cached))
        {
            cached = (object?)trust.ValidateClientIdentity(context.Connection.ClientCertificate) ?? Refused;
            if (items is not null)
            {
                items[Key] = cached;
            }
        }

        return cached is TrustedIdentity identity && trust.IsCurrent(identity) ? identity.Id : null;
    }
}
