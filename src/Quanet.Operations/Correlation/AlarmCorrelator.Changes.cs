namespace Quanet.Operations.Correlation;

// The change count that lets readers keep a serialised copy of the incidents until something changes.
public sealed partial class AlarmCorrelator
{
    private long _version;

    /// <summary>
    /// Grows with every change to the incidents (a committed batch, a grouping, a runbook run recorded); read it
    /// without the lock to tell whether a copy serialised under <see cref="Read{TResult}"/> is still current. It
    /// is raised inside the lock after the change, so a copy made at or after a version shows that change.
    /// </summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>Records that runbook run <paramref name="runId"/> was started for <paramref name="incident"/>.</summary>
    public void AddRunbookRun(Incident incident, long runId)
    {
        ArgumentNullException.ThrowIfNull(incident);
        lock (_lock)
        {
            incident.RunbookRuns.Add(runId);
            Changed();
        }
    }

    /// <summary>Call under the lock after changing an incident or the set of incidents.</summary>
    private void Changed() => Interlocked.Increment(ref _version);
}
