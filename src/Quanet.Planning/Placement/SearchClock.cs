namespace Quanet.Planning.Placement;

/// <summary>A deadline on an injected <see cref="TimeProvider"/>.</summary>
internal sealed class SearchClock
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _limit;

    /// <summary>Starts the clock now with <paramref name="limit"/> to run.</summary>
    public SearchClock(TimeProvider time, TimeSpan limit)
    {
        _time = time;
        _limit = limit;
        _start = time.GetTimestamp();
    }

    /// <summary>Time since the start.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Time left before the limit (never negative).</summary>
    public TimeSpan Remaining => Elapsed >= _limit ? TimeSpan.Zero : _limit - Elapsed;

    /// <summary>Whether the limit has passed.</summary>
    public bool Expired => Elapsed >= _limit;
}
