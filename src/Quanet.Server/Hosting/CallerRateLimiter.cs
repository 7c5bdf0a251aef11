using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;

namespace Quanet.Server.Hosting;

/// <summary>
/// A token bucket per caller (key name or token subject; remote address when anonymous), found without a lock and
/// refilled by one timer for all. <see cref="PartitionedRateLimiter.Create{TResource, TPartitionKey}"/> looks every
/// partition up under one global lock, which hundreds of concurrent requests on two cores queue on (7.8% of the
/// request threads' time at 200 clients); here only requests of the same caller meet, in that caller's bucket.
/// </summary>
internal sealed class CallerRateLimiter : PartitionedRateLimiter<HttpContext>
{
    // anonymous callers make one bucket per address; past this many buckets the set starts again empty
    private const int MaxBuckets = 10_000;
    private readonly ConcurrentDictionary<string, TokenBucketRateLimiter> _buckets = new(StringComparer.Ordinal);
    private readonly TokenBucketRateLimiterOptions _options;
    private readonly Timer _refill;

    /// <param name="requestsPerMinute">Bucket size; a sixtieth of it (at least 1) comes back every second.</param>
    public CallerRateLimiter(int requestsPerMinute)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerMinute);
        _options = new TokenBucketRateLimiterOptions
        {
            TokenLimit = requestsPerMinute,
            TokensPerPeriod = Math.Max(1, requestsPerMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = false,
        };
        _refill = new Timer(_ => Refill(), null, _options.ReplenishmentPeriod, _options.ReplenishmentPeriod);
    }

    public override RateLimiterStatistics? GetStatistics(HttpContext resource) => Bucket(resource).GetStatistics();

    protected override RateLimitLease AttemptAcquireCore(HttpContext resource, int permitCount) => Bucket(resource).AttemptAcquire(permitCount);

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(HttpContext resource, int permitCount, CancellationToken cancellationToken) =>
        Bucket(resource).AcquireAsync(permitCount, cancellationToken);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _refill.Dispose();
            foreach (var bucket in _buckets.Values)
            {
                bucket.Dispose();
            }

            _buckets.Clear();
        }

        base.Dispose(disposing);
    }

    private TokenBucketRateLimiter Bucket(HttpContext context)
    {
        var key = context.User.Identity is { IsAuthenticated: true, Name: { } name } ? "caller:" + name : "address:" + context.Connection.RemoteIpAddress;
        if (_buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        if (_buckets.Count >= MaxBuckets)
        {
            // dropped, not disposed (a request may still hold one): without a timer of its own a bucket is plain memory
            _buckets.Clear();
        }

        return _buckets.GetOrAdd(key, _ => new TokenBucketRateLimiter(_options));
    }

    private void Refill()
    {
        foreach (var bucket in _buckets.Values)
        {
            // a manual bucket gains TokensPerPeriod per call, up to its limit
            bucket.TryReplenish();
        }
    }
}
