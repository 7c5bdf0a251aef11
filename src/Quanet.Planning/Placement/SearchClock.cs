namespace Quanet.Planning.Placement;

/// <summary>
/// A deadline on an injected <see cref="TimeProvider"/>, optionally brought forward by a stop token: once it is
/// cancelled the clock reads as expired, so a search ends as at its time limit and returns its best so far.
/// </summary>
internal sealed class SearchClock
{
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly TimeSpan _limit;
    private readonly CancellationToken _stop;

    /// <summary>Starts the clock now with <paramref name="limit"/> to run, or until <paramref name="stop"/> is cancelled.</summary>
    public SearchClock(TimeProvider time, TimeSpan limit, CancellationToken stop = default)
    {
        _time = time;
        _limit = limit;
        _stop = stop;
        _start = time.GetTimestamp();
    }

    /// <summary>Time since the start.</summary>
    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Time left before the limit (never negative; zero once stopped).</summary>
    public TimeSpan Remaining => Expired ? TimeSpan.Zero : _limit - Elapsed;

    /// <summary>Whether the limit has passed or the search was asked to stop.</summary>
    public bool Expired => _stop.IsCancellationRequested || Elapsed >= _limit;
}
