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
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (requestsPerMinute <= 0)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var partition = context.User.Identity is { IsAuthenticated: true, Name: { } name }
                    ? "caller:" + name
                    : "address:" + context.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(partition, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = requestsPerMinute,
                    TokensPerPeriod = Math.Max(1, requestsPerMinute / 60),
                    ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            o.OnRejected = (context, _) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds)) : 1;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return ValueTask.CompletedTask;
            };
        });
    }
}
