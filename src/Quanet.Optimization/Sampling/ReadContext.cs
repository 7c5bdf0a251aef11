using System.Diagnostics;

namespace Quanet.Optimization.Sampling;

/// <summary>
/// What the reads of one sampler call share: the deadline, cancellation, the target energy (reached by
/// one read, it stops all), the best energy so far with its time, and throttled progress reports.
/// </summary>
internal sealed class ReadContext
{
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(100);
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly long _deadline;
    private readonly double? _target;
    private readonly IProgress<SamplerProgress>? _progress;
    private readonly Lock _gate = new();
    private readonly int _readsTotal;
    private volatile bool _targetReached;
    private double _best = double.PositiveInfinity;
    private TimeSpan _timeToBest;
    private TimeSpan _lastReport = TimeSpan.MinValue;
    private int _readsDone;

    public ReadContext(SamplerOptions options, int readsTotal, CancellationToken cancellationToken)
    {
        _time = options.TimeProvider;
        _start = _time.GetTimestamp();
        _deadline = Math.Min(Deadline(options.TimeLimit), Deadline(options.Cutoff));
        _target = options.TargetEnergy;
        _progress = options.Progress;
        _readsTotal = readsTotal;
        CancellationToken = cancellationToken;
        HasTimeLimit = options.TimeLimit is not null;
    }

    /// <summary>Whether the caller gave a time limit (reads then keep restarting until it).</summary>
    public bool HasTimeLimit { get; }

    public CancellationToken CancellationToken { get; }

    public bool TargetReached => _targetReached;

    public double BestEnergy
    {
        get
        {
            lock (_gate)
            {
                return _best;
            }
        }
    }

    public TimeSpan TimeToBest
    {
        get
        {
            lock (_gate)
            {
                return _timeToBest;
            }
        }
    }

    public TimeSpan Elapsed => _time.GetElapsedTime(_start);

    /// <summary>Whether the deadline passed.</summary>
    public bool TimedOut => _time.GetTimestamp() >= _deadline;

    /// <summary>Time left before the time limit or cutoff; <see cref="TimeSpan.MaxValue"/> without either.</summary>
    public TimeSpan Remaining => _deadline == long.MaxValue ? TimeSpan.MaxValue
        : TimeSpan.FromSeconds(Math.Max(0, _deadline - _time.GetTimestamp()) / (double)_time.TimestampFrequency);

    /// <summary>Whether a read should stop now: cancelled, out of time, or the target was reached.</summary>
    public bool ShouldStop() =>
        _targetReached || CancellationToken.IsCancellationRequested || _time.GetTimestamp() >= _deadline;

    /// <summary>Whether <paramref name="energy"/> meets the target energy.</summary>
    public bool MeetsTarget(double energy) => _target is { } t && energy <= t + (1e-9 * Math.Max(1.0, Math.Abs(t)));

    /// <summary>A read found a state of <paramref name="energy"/>; records it if it is the best so far.</summary>
    public void Offer(double energy)
    {
        if (MeetsTarget(energy))
        {
            _targetReached = true;
        }

        SamplerProgress? report = null;
        lock (_gate)
        {
            if (energy < _best)
            {
                _best = energy;
                _timeToBest = Elapsed;
                report = MaybeReport();
            }
        }

        if (report is { } r)
        {
            _progress!.Report(r);
        }
    }

    /// <summary>A read finished.</summary>
    public void ReadDone()
    {
        SamplerProgress? report;
        lock (_gate)
        {
            _readsDone++;
            _lastReport = TimeSpan.MinValue;
            report = MaybeReport();
        }

        if (report is { } r)
        {
            _progress!.Report(r);
        }
    }

    private SamplerProgress? MaybeReport()
    {
        Debug.Assert(_gate.IsHeldByCurrentThread, "caller holds the gate");
        if (_progress is null)
        {
            return null;
        }

        var now = Elapsed;
        if (_lastReport != TimeSpan.MinValue && now - _lastReport < ProgressInterval)
        {
            return null;
        }

        _lastReport = now;
        return new SamplerProgress(now, _best, _readsDone, _readsTotal);
    }

    private long Deadline(TimeSpan? limit) => limit is { } l ? _start + (long)(l.TotalSeconds * _time.TimestampFrequency) : long.MaxValue;
}
