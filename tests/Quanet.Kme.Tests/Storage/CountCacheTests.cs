using Microsoft.Extensions.Time.Testing;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Tests.Storage;

/// <summary>The short-lived block-count cache both key stores share, timed by the injected clock.</summary>
public sealed class CountCacheTests
{
    [Fact]
    public void Reuses_a_count_until_its_lifetime_has_passed_on_the_clock_then_counts_again()
    {
        var time = new FakeTimeProvider();
        var cache = new CountCache(time);
        var queries = new List<string>();
        long Count(string link, string owner) => cache.GetOrCount(link, owner, queries, static (q, l, o) =>
        {
            q.Add($"{l}/{o}");
            return q.Count * 10;
        });

        var first = Count("L1", "KME_A");
        time.Advance(TimeSpan.FromMilliseconds(99));
        var cached = Count("L1", "KME_A");
        time.Advance(TimeSpan.FromMilliseconds(1));
        var recounted = Count("L1", "KME_A");

        Assert.Equal(CountCache.DefaultLifetime, cache.Lifetime);
        Assert.Equal(10, first);
        Assert.Equal(10, cached);
        Assert.Equal(20, recounted);
        Assert.Equal(["L1/KME_A", "L1/KME_A"], queries);
    }

    [Fact]
    public void Keeps_one_count_per_link_and_owner()
    {
        var time = new FakeTimeProvider();
        var cache = new CountCache(time, TimeSpan.FromSeconds(1));
        var counts = new Dictionary<(string, string), long> { [("L1", "KME_A")] = 3, [("L1", "KME_B")] = 4, [("L2", "KME_A")] = 5 };

        var a = cache.GetOrCount("L1", "KME_A", counts, static (c, l, o) => c[(l, o)]);
        var b = cache.GetOrCount("L1", "KME_B", counts, static (c, l, o) => c[(l, o)]);
        var other = cache.GetOrCount("L2", "KME_A", counts, static (c, l, o) => c[(l, o)]);
        counts[("L1", "KME_A")] = 30;
        var stale = cache.GetOrCount("L1", "KME_A", counts, static (c, l, o) => c[(l, o)]);
        time.Advance(TimeSpan.FromSeconds(1));
        var fresh = cache.GetOrCount("L1", "KME_A", counts, static (c, l, o) => c[(l, o)]);

        Assert.Equal((3, 4, 5), (a, b, other));
        Assert.Equal(3, stale);
        Assert.Equal(30, fresh);
    }

    [Fact]
    public void A_zero_lifetime_counts_every_time()
    {
        var cache = new CountCache(new FakeTimeProvider(), TimeSpan.Zero);
        var calls = 0;

        cache.GetOrCount("L1", "KME_A", 0, (_, _, _) => ++calls);
        cache.GetOrCount("L1", "KME_A", 0, (_, _, _) => ++calls);

        Assert.Equal(2, calls);
    }
}
