using System.Diagnostics.Metrics;

namespace Quanet.Server.Plans;

/// <summary>
/// The plan jobs' instruments in the meter <c>Quanet.Server.Plans</c>: jobs queued and running (gauges), jobs
/// submitted and finished by status (counters), and job durations in seconds by status (histogram).
/// </summary>
internal sealed class PlanMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "Quanet.Server.Plans";

    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _submitted;
    private readonly Counter<long> _finished;
    private readonly Histogram<double> _duration;
    private int _queued;
    private int _running;

    public PlanMetrics()
    {
        _meter.CreateObservableGauge("quanet.plans.queued", () => Volatile.Read(ref _queued), "{job}", "Plan jobs waiting in the queue");
        _meter.CreateObservableGauge("quanet.plans.running", () => Volatile.Read(ref _running), "{job}", "Plan jobs running");
        _submitted = _meter.CreateCounter<long>("quanet.plans.submitted", "{job}", "Plan jobs accepted");
        _finished = _meter.CreateCounter<long>("quanet.plans.finished", "{job}", "Plan jobs ended, by status");
        _duration = _meter.CreateHistogram<double>("quanet.plans.duration", "s", "Run time of plan jobs, by status");
    }

    public int Queued => Volatile.Read(ref _queued);

    public int Running => Volatile.Read(ref _running);

    public void Enqueued() => Interlocked.Increment(ref _queued);

    public void Submitted() => _submitted.Add(1);

    public void Dequeued() => Interlocked.Decrement(ref _queued);

    public void Started() => Interlocked.Increment(ref _running);

    public void Stopped() => Interlocked.Decrement(ref _running);

    public void Finished(string status, TimeSpan duration)
    {
        var tag = new KeyValuePair<string, object?>("status", status);
        _finished.Add(1, tag);
        _duration.Record(duration.TotalSeconds, tag);
    }

    public void Dispose() => _meter.Dispose();
}
