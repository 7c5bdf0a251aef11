using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Quanet.Kme.Certificates;

namespace Quanet.Kme.Hosting;

/// <summary>The authenticated caller of a request: the subject CN of a client certificate that chains to the CA.</summary>
/// <remarks>
/// A keep-alive connection outlives its handshake, so validity is decided per request, not per connection. The
/// chain is built once per connection (it cannot change on that connection) together with the span of time in
/// which every certificate of the chain is valid; each request then checks the injected clock against that span.
/// Without revocation checking the chain's validity depends on nothing else, so this equals building the chain
/// again on every request, at the cost of two comparisons.
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
