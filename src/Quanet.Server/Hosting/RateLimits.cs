using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Quanet.Server.Hosting;

/// <summary>
/// Per-caller rate limits: a token bucket of <see cref="ServerOptions.RequestsPerMinute"/> per key name or token subject,
/// per remote address for anonymous callers. A refused request gets 429 with <c>Retry-After</c>.
/// </summary>
internal static class RateLimits
{
    public static void Add(IServiceCollection services, int requestsPerMinute)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // no limit: no global limiter, so the middleware passes requests straight on
            if (requestsPerMinute > 0)
            {
                o.GlobalLimiter = new CallerRateLimiter(requestsPerMinute);
            }

            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }
}
