using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading.Channels;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// Turns validated VES events into stored events and a deduplicated alarm list. Producers submit
/// batches into a bounded channel (back-pressure instead of unbounded memory); one writer drains
/// what is waiting (up to <see cref="MaxEventsPerTransaction"/>: group commit), applies it in one
/// SQLite transaction, commits, and only then completes the submitters' tasks, so an accepted event is
/// a committed event (WAL with <c>synchronous=NORMAL</c>: it survives a process kill, not a power cut).
/// </summary>
/// <remarks>
/// <para>Every event gets its row, carrying the id of the alarm it raised, repeated or cleared.
/// Deduplication runs on the in-memory table of active alarms: an event whose <see cref="AlarmKey"/>
/// has an active alarm updates it, a NORMAL (clear) event closes it. Operator acknowledge and clear go
/// through the same writer so the alarm list has one order of changes; subscribers see every change
/// right after its commit.</para>
/// <para>Raises, clears and operator actions write the alarm row in the transaction that caused them.
/// A repeat only changes an active alarm's count, last-change time, severity and texts; under load
/// those writes are coalesced and made at most <c>alarmSyncInterval</c> apart, so an alarm repeated a thousand times a second costs one row
/// update, not a thousand. Nothing is lost by deferring: the repeats' event rows are committed, each
/// alarm row records the last event folded into it, and on start the pipeline folds the later events
/// back into their alarms (<c>meta.alarms_synced_seq</c> bounds that scan).</para>
/// </remarks>
public sealed class IngestionPipeline : IAsyncDisposable
{
    /// <summary>
    /// Events after which the writer stops taking more submissions into one transaction (a submission is
    /// never split). Small enough that producers keep parsing while the writer commits, large enough to
    /// amortise the commit.
    /// </summary>
    public const int MaxEventsPerTransaction = 4_096;

    /// <summary>Default longest time a repeat's alarm-row update is deferred (1 s).</summary>
    public static readonly TimeSpan DefaultAlarmSyncInterval = TimeSpan.FromSeconds(1);

    private readonly OperationsStore _store;
    private readonly TimeProvider _time;
    private readonly Channel<WorkItem> _channel;
    private readonly Dictionary<AlarmKey, AlarmRecord> _active = [];
    private readonly Dictionary<long, AlarmRecord> _dirty = [];
    private readonly Dictionary<long, AlarmRecord> _deferred = [];
    private readonly List<long> _dirtyIds = [];
    private readonly List<Action<CommittedBatch>> _subscribers = [];
    private readonly Task _writer;
    private readonly TimeSpan _syncInterval;
    private long _lastAlarmId;
    private long _lastSeq;
    private long _lastSync;

    /// <summary>Starts the writer over <paramref name="store"/>, recovering the active alarms from it.</summary>
    /// <param name="store">The store (owned by the caller).</param>
    /// <param name="time">Clock for operator actions.</param>
    /// <param name="capacity">Bounded channel capacity in submissions (default 256).</param>
    /// <param name="alarmSyncInterval">
    /// Longest time the alarm-row update of a repeat is deferred (default <see cref="DefaultAlarmSyncInterval"/>;
    /// zero writes every alarm change in its own transaction). Only the stored alarm list lags; the events,
    /// <see cref="ActiveAlarms"/> and subscribers never do.
    /// </param>
    public IngestionPipeline(OperationsStore store, TimeProvider? time = null, int capacity = 256, TimeSpan? alarmSyncInterval = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _syncInterval = alarmSyncInterval ?? DefaultAlarmSyncInterval;
        ArgumentOutOfRangeException.ThrowIfLessThan(_syncInterval, TimeSpan.Zero, nameof(alarmSyncInterval));
        _store = store;
        _time = time ?? TimeProvider.System;
        Reload();
        _channel = Channel.CreateBounded<WorkItem>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _writer = Task.Run(WriteLoopAsync);
    }

    /// <summary>The store the pipeline writes.</summary>
    public OperationsStore Store => _store;

    /// <summary>Registers a callback run on the writer after each commit (keep it fast; it must not throw).</summary>
    public void Subscribe(Action<CommittedBatch> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_subscribers)
        {
            _subscribers.Add(subscriber);
        }
    }

    /// <summary>Submits <paramref name="events"/>; completes when they are committed.</summary>
    public async Task<IngestResult> SubmitAsync(IReadOnlyList<VesEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var item = new EventBatch(events);
        await _channel.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Acknowledges alarm <paramref name="alarmId"/> as <paramref name="user"/>; null when there is no such alarm.</summary>
    public async Task<AlarmRecord?> AcknowledgeAsync(long alarmId, string user, CancellationToken cancellationToken = default)
    {
        var item = new OperatorCommand(alarmId, user, clear: false);
        await _channel.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Clears alarm <paramref name="alarmId"/> by hand as <paramref name="user"/>; null when there is no such alarm.</summary>
    public async Task<AlarmRecord?> ClearAsync(long alarmId, string user, CancellationToken cancellationToken = default)
    {
        var item = new OperatorCommand(alarmId, user, clear: true);
        await _channel.Writer.WriteAsync(item, cancellationToken);
        return await item.Completion.Task.WaitAsync(cancellationToken);
    }

    /// <summary>A snapshot of the active alarms held by the writer.</summary>
    public IReadOnlyList<AlarmRecord> ActiveAlarms()
    {
        lock (_active)
        {
            return [.. _active.Values];
        }
    }

    /// <summary>Stops accepting work, drains what was submitted and waits for the writer.</summary>
    public async ValueTask DisposeAsync()
    {
        _channel.Writer.TryComplete();
        await _writer;
    }

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

    private async Task WriteLoopAsync()
    {
        var reader = _channel.Reader;
        var items = new List<WorkItem>();
        var changes = new List<AlarmChange>();
        var events = new List<VesEvent>();
        while (await WaitForWorkAsync(reader))
        {
            items.Clear();
            var size = 0;
            while (size < MaxEventsPerTransaction && reader.TryRead(out var item))
            {
                items.Add(item);
                size += item.Size;
            }

            Write(items, changes, events);
        }

        if (_deferred.Count > 0)
        {
            items.Clear();
            Write(items, changes, events);
        }
    }

    /// <summary>
    /// Waits for work, or (while repeats are deferred) until their sync is due; false once the channel
    /// is completed and drained.
    /// </summary>
    private async ValueTask<bool> WaitForWorkAsync(ChannelReader<WorkItem> reader)
    {
        if (_deferred.Count == 0)
        {
            return await reader.WaitToReadAsync();
        }

        var remaining = _syncInterval - _time.GetElapsedTime(_lastSync);
        if (remaining <= TimeSpan.Zero)
        {
            return true;
        }

        using var due = new CancellationTokenSource(remaining, _time);
        try
        {
            return await reader.WaitToReadAsync(due.Token);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
    }

    /// <summary>Applies <paramref name="items"/> (possibly none: a sync) in one transaction, then completes and publishes them.</summary>
    private void Write(List<WorkItem> items, List<AlarmChange> changes, List<VesEvent> events)
    {
        changes.Clear();
        events.Clear();
        _dirty.Clear();
        try
        {
            _store.Begin();
            lock (_active)
            {
                foreach (var item in items)
                {
                    item.Apply(this, changes, events);
                }
            }

            // no items: woken (or stopping) to write the deferred repeats
            FlushAlarms(sync: items.Count == 0 || _time.GetElapsedTime(_lastSync) >= _syncInterval);
            _store.Commit();
        }
#pragma warning disable CA1031 // the writer must survive a failed transaction and report it to the submitters
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _store.Rollback();
            Reload();
            foreach (var item in items)
            {
                item.Fail(ex);
            }

            return;
        }

        foreach (var item in items)
        {
            item.Complete();
        }

        if (changes.Count > 0 || events.Count > 0)
        {
            Publish(new CommittedBatch([.. events], [.. changes]));
        }
    }

    private void Publish(CommittedBatch batch)
    {
        Action<CommittedBatch>[] subscribers;
        lock (_subscribers)
        {
            subscribers = [.. _subscribers];
        }

        foreach (var subscriber in subscribers)
        {
            subscriber(batch);
        }
    }

    /// <summary>
    /// Writes every alarm changed in this transaction once, in its final state, by ascending id; with
    /// <paramref name="sync"/> also the deferred repeats, and records that alarm rows are in step.
    /// </summary>
    /// <remarks>
    /// Ascending id keeps the unique index on active (source, condition, interface) satisfied at every
    /// step: a key's older alarm is always closed before a newer one for the same key is written active.
    /// </remarks>
    private void FlushAlarms(bool sync)
    {
        if (sync)
        {
            foreach (var (id, alarm) in _deferred)
            {
                _dirty.TryAdd(id, alarm);
            }
        }

        _dirtyIds.Clear();
        foreach (var id in _dirty.Keys)
        {
            _dirtyIds.Add(id);
        }

        _dirtyIds.Sort();
        foreach (var id in _dirtyIds)
        {
            _store.WriteAlarm(_dirty[id]);
        }

        if (sync)
        {
            _store.SetSyncedSeq(_lastSeq);
            _deferred.Clear();
            _lastSync = _time.GetTimestamp();
        }
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

    private abstract class WorkItem
    {
        public abstract int Size { get; }

        public abstract void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> events);

        public abstract void Complete();

        public abstract void Fail(Exception ex);
    }

    private sealed class EventBatch(IReadOnlyList<VesEvent> events) : WorkItem
    {
        private IngestResult _result;

        public TaskCompletionSource<IngestResult> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int Size => events.Count;

        public override void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> committed)
        {
            var (raised, updated, cleared) = pipeline.ApplyEvents(events, changes);
            _result = new IngestResult(events.Count, raised, updated, cleared);
            committed.AddRange(events);
        }

        public override void Complete() => Completion.TrySetResult(_result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }

    private sealed class OperatorCommand(long alarmId, string user, bool clear) : WorkItem
    {
        private AlarmRecord? _result;

        public long AlarmId => alarmId;

        public string User => user;

        public bool Clear => clear;

        public TaskCompletionSource<AlarmRecord?> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override int Size => 1;

        public override void Apply(IngestionPipeline pipeline, List<AlarmChange> changes, List<VesEvent> events) =>
            _result = pipeline.ApplyCommand(this, changes);

        public override void Complete() => Completion.TrySetResult(_result);

        public override void Fail(Exception ex) => Completion.TrySetException(ex);
    }
}
