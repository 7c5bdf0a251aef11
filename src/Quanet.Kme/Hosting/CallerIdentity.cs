using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http;
using Quanet.Kme.Certificates;

namespace Quanet.Kme.Hosting;

/// <summary>The authenticated caller of a request: the subject CN of a client certificate that chains to the CA.</summary>
internal static class CallerIdentity
{
    private static readonly object Key = new();

    /// <summary>Validates the connection's client certificate once per connection and returns its CN, or null.</summary>
    public static string? Of(HttpContext context, TrustValidator trust)
    {
        var items = context.Features.Get<IConnectionItemsFeature>()?.Items;
        if (items is not null && items.TryGetValue(Key, out var cached))
        {
            return (string?)cached;
        }

        var cn = trust.ValidateClient(context.Connection.ClientCertificate);
        if (items is not null)
        {
            items[Key] = cn;
        }

        return cn;
    }
}
