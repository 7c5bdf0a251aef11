using Quanet.Operations.Ingestion;

namespace Quanet.Server.Operations;

/// <summary>
/// The active alarms in memory, kept up to date by the ingestion pipeline's commits, with a version for read
/// snapshots. The pipeline runs its subscribers after a commit and before it completes the submission, so once a
/// VES post, acknowledge or clear has returned, the board shows it, repeats included (the store writes a repeat's
/// count up to a second later). Cleared alarms stay in the store only.
/// </summary>
internal sealed class AlarmBoard
{
    private readonly Lock _lock = new();
    private readonly Dictionary<long, AlarmRecord> _active = [];
    private long _version;

    /// <summary>Loads the pipeline's active alarms and follows its commits (construct it before the server takes requests).</summary>
    public AlarmBoard(IngestionPipeline pipeline)
    {
        ArgumentNullException.ThrowIfNull(pipeline);
        lock (_lock)
        {
            foreach (var alarm in pipeline.ActiveAlarms())
            {
                _active[alarm.AlarmId] = alarm;
            }
        }

        pipeline.Subscribe(OnCommitted);
    }

    /// <summary>Grows with every committed alarm change (raised, repeated, acknowledged, cleared).</summary>
    public long Version => Volatile.Read(ref _version);

    /// <summary>The active alarm with <paramref name="alarmId"/>, or null (cleared or unknown: ask the store).</summary>
    public AlarmRecord? Find(long alarmId)
    {
        lock (_lock)
        {
            return _active.GetValueOrDefault(alarmId);
        }
    }

    /// <summary>The active alarms matching <paramref name="query"/> (its <see cref="AlarmQuery.Active"/> aside), newest first.</summary>
    public List<AlarmRecord> List(AlarmQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = new List<AlarmRecord>();
        lock (_lock)
        {
            foreach (var alarm in _active.Values)
            {
                if (Matches(alarm, query))
                {
                    matches.Add(alarm);
                }
            }
        }

        matches.Sort((a, b) => b.AlarmId.CompareTo(a.AlarmId));
        if (matches.Count > query.Limit)
        {
            matches.RemoveRange(query.Limit, matches.Count - query.Limit);
        }

        return matches;
    }

    /// <summary>Replaces the active alarms in <paramref name="stored"/> (read from the store) by their current state here.</summary>
    public List<AlarmRecord> Refresh(IReadOnlyList<AlarmRecord> stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var list = new List<AlarmRecord>(stored.Count);
        lock (_lock)
        {
            foreach (var alarm in stored)
            {
                list.Add(_active.GetValueOrDefault(alarm.AlarmId) ?? alarm);
            }
        }

        return list;
    }

    // the same filters as OperationsStore.ListAlarms
    private static bool Matches(AlarmRecord alarm, AlarmQuery query) =>
        (query.Acknowledged is not bool acked || alarm.Acknowledged == acked)
        && (query.Source is not { Length: > 0 } source
            || (source.EndsWith('/') ? alarm.Source.StartsWith(source, StringComparison.Ordinal) : alarm.Source == source))
        && (query.MinSeverity is not VesSeverity min || alarm.Severity >= min)
        && (query.Condition is not { Length: > 0 } condition || alarm.Condition == condition);

    private void OnCommitted(CommittedBatch batch)
    {
        if (batch.Changes.Count == 0)
        {
            return;
        }

        lock (_lock)
        {
            foreach (var change in batch.Changes)
            {
                if (change.Alarm.IsActive)
                {
                    _active[change.Alarm.AlarmId] = change.Alarm;
                }
                else
                {
                    _active.Remove(change.Alarm.AlarmId);
                }
            }

            Interlocked.Increment(ref _version);
        }
    }
}
