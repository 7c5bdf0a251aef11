using System.Collections.Concurrent;

namespace Quanet.Kme.Storage;

/// <summary>
/// Ready-block counts per (link, owner), remembered for a short <see cref="Lifetime"/>: the status call of
/// ETSI GS QKD 014 reports a stored key count and may be polled far more often than the pool changes, so a
/// count at most that old spares the store a <c>COUNT(*)</c> per poll. Timed by the injected clock.
/// </summary>
internal sealed class CountCache
{
    /// <summary>How long a count is reused (100 ms).</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<(string Link, string Owner), (long Count, long At)> _counts = new();

    /// <summary>A cache timed by <paramref name="time"/> whose entries live for <paramref name="lifetime"/> (default <see cref="DefaultLifetime"/>).</summary>
    public CountCache(TimeProvider time, TimeSpan? lifetime = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        _time = time;
        Lifetime = lifetime ?? DefaultLifetime;
        ArgumentOutOfRangeException.ThrowIfLessThan(Lifetime, TimeSpan.Zero, nameof(lifetime));
    }

    /// <summary>How long a count is reused.</summary>
    public TimeSpan Lifetime { get; }

    /// <summary>
    /// The count for (<paramref name="link"/>, <paramref name="owner"/>): the remembered one while younger than
    /// <see cref="Lifetime"/>, else <paramref name="count"/>(<paramref name="state"/>, link, owner), remembered as of
    /// the moment before it ran (so a slow query does not stretch the lifetime).
    /// </summary>
    public long GetOrCount<TState>(string link, string owner, TState state, Func<TState, string, string, long> count)
    {
        ArgumentNullException.ThrowIfNull(count);
        var now = _time.GetTimestamp();
        var key = (link, owner);
        if (_counts.TryGetValue(key, out var cached) && _time.GetElapsedTime(cached.At, now) < Lifetime)
        {
            return cached.Count;
        }

        var value = count(state, link, owner);
        _counts[key] = (value, now);
        return value;
    }
}
