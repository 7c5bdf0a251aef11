using System.Threading.Channels;

namespace Quanet.Operations.Ingestion;

/// <summary>
/// Turns validated VES events into stored events and a deduplicated alarm list. Producers submit
/// batches into a bounded channel (back-pressure instead of unbounded memory); one writer drains
/// what is waiting (up to <see cref="MaxEventsPerTransaction"/>: group commit), applies it in one
/// SQLite transaction, commits, hands the batch to the subscribers, and only then completes the
/// submitters' tasks, so an accepted event is a committed event (WAL with <c>synchronous=NORMAL</c>: it
/// survives a process kill, not a power cut) that every subscriber has already seen.
/// </summary>
/// <remarks>
/// <para>Every event gets its row, carrying the id of the alarm it raised, repeated or cleared.
/// Deduplication runs on the in-memory table of active alarms: an event whose <see cref="AlarmKey"/>
/// has an active alarm updates it, a NORMAL (clear) event closes it. Operator acknowledge and clear go
/// through the same writer so the alarm list has one order of changes; subscribers see every change
/// right after its commit.</para>
/// <para>Raises, clears and operator actions write the alarm row in the transaction that caused them.
/// A repeat only changes an active alarm's count, last-change time, severity and texts; those writes
/// are coalesced and made at most <c>alarmSyncInterval</c> apart (and when the pipeline stops), so an
/// alarm repeated a thousand times a second costs one row update, not a thousand. Nothing is lost by deferring: the repeats' event rows are committed, each
/// alarm row records the last event folded into it, and on start the pipeline folds the later events
/// back into their alarms (<c>meta.alarms_synced_seq</c> bounds that scan).</para>
/// </remarks>
public sealed partial class IngestionPipeline : IAsyncDisposable
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
    private ICommitParticipant[] _participants = [];
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

    /// <summary>
    /// Registers a callback run on the writer after each commit and before the submitters' tasks
    /// complete (keep it fast; it must not throw).
    /// </summary>
    public void Subscribe(Action<CommittedBatch> subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_subscribers)
        {
            _subscribers.Add(subscriber);
        }
    }

    /// <summary>Adds <paramref name="participant"/>, which writes into every later event transaction before its commit.</summary>
    internal void Enlist(ICommitParticipant participant)
    {
        ArgumentNullException.ThrowIfNull(participant);
        lock (_subscribers)
        {
            _participants = [.. _participants, participant];
        }
    }

    /// <summary>Submits <paramref name="events"/>; completes when they are committed and every subscriber has seen them.</summary>
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
}
