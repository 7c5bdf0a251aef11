using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Quanet.Operations.Ingestion;

// Deduplication on the in-memory active alarms, operator commands and recovery.
public sealed partial class IngestionPipeline
{
    /// <summary>Loads the active alarms and folds in the events their rows do not hold yet (see remarks).</summary>
    private void Reload()
    {
        lock (_active)
        {
            _active.Clear();
            _deferred.Clear();
            var byId = new Dictionary<long, AlarmRecord>();
            foreach (var alarm in _store.LoadActiveAlarms())
            {
                byId[alarm.AlarmId] = alarm;
            }

            _store.ReadAlarmEventsAfter(_store.SyncedSeq(), e =>
            {
                if (byId.TryGetValue(e.AlarmId, out var alarm) && e.Seq > alarm.EventSeq)
                {
                    alarm = Repeat(alarm, e.Severity, e.EventName, e.Problem, e.LastMicros, e.Seq);
                    byId[e.AlarmId] = alarm;
                    _deferred[e.AlarmId] = alarm;
                }
            });
            foreach (var alarm in byId.Values)
            {
                _active[alarm.Key] = alarm;
            }
        }

        _lastAlarmId = _store.MaxAlarmId();
        _lastSeq = _store.MaxEventSeq();
        _lastSync = _time.GetTimestamp();
    }

    /// <summary>An active alarm after one more (non-clearing) event of its key.</summary>
    private static AlarmRecord Repeat(AlarmRecord alarm, VesSeverity? severity, string eventName, string? problem, long lastMicros, long seq) =>
        alarm with
        {
            Count = alarm.Count + 1,
            ChangedMicros = Math.Max(alarm.ChangedMicros, lastMicros),
            Severity = severity ?? alarm.Severity,
            EventName = eventName,
            SpecificProblem = problem ?? alarm.SpecificProblem,
            EventSeq = seq,
        };

    private (int Raised, int Updated, int Cleared) ApplyEvents(IReadOnlyList<VesEvent> batch, List<AlarmChange> changes)
    {
        int raised = 0, updated = 0, cleared = 0;
        foreach (var e in batch)
        {
            var seq = ++_lastSeq;
            long? alarmId = null;
            if (e.AlarmCondition is string condition)
            {
                var key = new AlarmKey(e.SourceName, condition, e.AlarmInterface);
                // one hash of the key for the common case (a repeat updates the entry in place)
                ref var slot = ref CollectionsMarshal.GetValueRefOrNullRef(_active, key);
                if (!Unsafe.IsNullRef(ref slot))
                {
                    var alarm = slot;
                    alarmId = alarm.AlarmId;
                    if (e.IsClear)
                    {
                        alarm = alarm with { ClearedMicros = e.LastEpochMicrosec, ChangedMicros = e.LastEpochMicrosec, EventSeq = seq };
                        _active.Remove(key);
                        cleared++;
                        changes.Add(new AlarmChange(AlarmChangeKind.Cleared, alarm));
                        Touch(alarm);
                    }
                    else
                    {
                        alarm = Repeat(alarm, e.Severity, e.EventName, e.SpecificProblem, e.LastEpochMicrosec, seq);
                        slot = alarm;
                        updated++;
                        changes.Add(new AlarmChange(AlarmChangeKind.Updated, alarm));
                        ref var dirty = ref CollectionsMarshal.GetValueRefOrNullRef(_dirty, alarm.AlarmId);
                        if (Unsafe.IsNullRef(ref dirty))
                        {
                            // row written at the next sync; the event row below keeps the repeat
                            _deferred[alarm.AlarmId] = alarm;
                        }
                        else
                        {
                            dirty = alarm;
                        }
                    }
                }
                else if (!e.IsClear)
                {
                    var alarm = new AlarmRecord
                    {
                        AlarmId = ++_lastAlarmId,
                        Source = e.SourceName,
                        Condition = condition,
                        Interface = e.AlarmInterface,
                        Domain = e.Domain,
                        EventName = e.EventName,
                        SpecificProblem = e.SpecificProblem ?? "",
                        ReportingEntity = e.ReportingEntityName,
                        Severity = e.Severity ?? VesSeverity.Major,
                        RaisedMicros = e.StartEpochMicrosec,
                        ChangedMicros = e.LastEpochMicrosec,
                        EventSeq = seq,
                    };
                    alarmId = alarm.AlarmId;
                    _active.Add(key, alarm);
                    raised++;
                    changes.Add(new AlarmChange(AlarmChangeKind.Raised, alarm));
                    Touch(alarm);
                }
            }

            _store.InsertEvent(seq, e, alarmId);
        }

        return (raised, updated, cleared);
    }

    /// <summary>Marks <paramref name="alarm"/> for writing in this transaction (its deferred state is superseded).</summary>
    private void Touch(AlarmRecord alarm)
    {
        _dirty[alarm.AlarmId] = alarm;
        _deferred.Remove(alarm.AlarmId);
    }

    private AlarmRecord? ApplyCommand(OperatorCommand command, List<AlarmChange> changes)
    {
        AlarmRecord? alarm = null;
        foreach (var a in _active.Values)
        {
            if (a.AlarmId == command.AlarmId)
            {
                alarm = a;
                break;
            }
        }

        // an alarm closed earlier in this transaction is not visible to the store's readers yet
        alarm ??= _dirty.GetValueOrDefault(command.AlarmId) ?? _store.FindAlarm(command.AlarmId);
        if (alarm is null)
        {
            return null;
        }

        var now = _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;
        if (command.Clear)
        {
            if (!alarm.IsActive)
            {
                return alarm;
            }

            alarm = alarm with { ClearedMicros = now, ChangedMicros = Math.Max(now, alarm.ChangedMicros), ClearUser = command.User };
            _active.Remove(alarm.Key);
            changes.Add(new AlarmChange(AlarmChangeKind.Cleared, alarm));
        }
        else
        {
            alarm = alarm with { Acknowledged = true, AckUser = command.User, AckMicros = now };
            if (alarm.IsActive)
            {
                _active[alarm.Key] = alarm;
            }

            changes.Add(new AlarmChange(AlarmChangeKind.Acknowledged, alarm));
        }

        Touch(alarm);
        return alarm;
    }
}
