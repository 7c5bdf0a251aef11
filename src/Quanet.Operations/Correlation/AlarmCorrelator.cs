using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Correlation;

/// <summary>
/// Streaming alarm correlation by topology and time. A new alarm that an open incident's root cause
/// predicts joins that incident. Other new alarms wait for <see cref="CorrelatorOptions.SettleTime"/>
/// (event time) so a storm can arrive; alarms that clear meanwhile are dropped as transients. Then the
/// waiting alarms are explained by a greedy weighted set cover over root-cause hypotheses built from
/// the dependency graph: each round picks the hypothesis whose predicted alarms best match the
/// waiting ones (anchor alarms weigh more, predicted alarms that are not active cost a penalty) and
/// opens an incident with it. Alarms nothing explains become unclassified incidents, one per element.
/// The correlator sees only committed events and alarms, never the simulator's ground truth.
/// </summary>
public sealed partial class AlarmCorrelator
{
    private readonly HypothesisFactory _factory;
    private readonly NetworkInventory _inventory;
    private readonly CorrelatorOptions _options;
    private readonly EventQuarantine _quarantine;
    private readonly Dictionary<long, AlarmRecord> _active = [];
    private readonly Dictionary<string, long> _activeKeys = new(StringComparer.Ordinal);
    private readonly List<AlarmRecord> _pending = [];
    private readonly Dictionary<long, Incident> _incidentOfAlarm = [];
    private readonly Dictionary<long, Hypothesis?> _hypothesisOf = [];
    private readonly List<Incident> _incidents = [];
    private readonly List<AlarmRecord> _notices = [];
    private readonly Dictionary<string, List<(long Micros, string Change)>> _configChanges = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();
    private long _nextId = 1;
    private long _now;

    /// <summary>Creates a correlator for the network of <paramref name="graph"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="CorrelatorOptions.ClockSkew"/> is not positive.</exception>
    public AlarmCorrelator(DependencyGraph graph, CorrelatorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _factory = new HypothesisFactory(graph);
        _inventory = graph.Inventory;
        _options = options ?? new CorrelatorOptions();
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(_options.ClockSkew, TimeSpan.Zero, "options.ClockSkew");
        _quarantine = new EventQuarantine(_options.ClockSkew);
    }

    /// <summary>Raised when an incident is opened (on the caller's thread, under the correlator's lock).</summary>
    public event Action<Incident>? IncidentOpened;

    /// <summary>Raised when all alarms of an incident have cleared.</summary>
    public event Action<Incident>? IncidentResolved;

    /// <summary>Number of alarms dropped as transients (cleared within the settle time).</summary>
    public int SuppressedTransients { get; private set; }

    /// <summary>Events refused by <see cref="Admit"/> so far, by reason.</summary>
    public QuarantineCounts Quarantined => _quarantine.Counts;

    /// <summary>Unexplained WARNING alarms kept as notices instead of incidents (see <see cref="CorrelatorOptions.WarningsAsNotices"/>).</summary>
    public IReadOnlyList<AlarmRecord> Notices
    {
        get
        {
            lock (_lock)
            {
                return [.. _notices];
            }
        }
    }

    /// <summary>A snapshot of all incidents, oldest first.</summary>
    public IReadOnlyList<Incident> Incidents
    {
        get
        {
            lock (_lock)
            {
                return [.. _incidents];
            }
        }
    }

    /// <summary>Runs <paramref name="read"/> under the correlator's lock (serialise incidents safely while alarms stream in).</summary>
    public TResult Read<TResult>(Func<AlarmCorrelator, TResult> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        lock (_lock)
        {
            return read(this);
        }
    }

    /// <summary>The incident with <paramref name="id"/>, or null.</summary>
    public Incident? Find(long id)
    {
        lock (_lock)
        {
            return _incidents.Find(i => i.Id == id);
        }
    }

    /// <summary>
    /// The events of <paramref name="events"/> fit to ingest, in order: those outside the clock-skew window
    /// around the stream's event-time watermark (<see cref="CorrelatorOptions.ClockSkew"/>) and repeats of
    /// admitted events are quarantined (counted in <see cref="Quarantined"/>), so that no single event can move
    /// the correlator's clock out of step with the stream. Call it before ingestion, in stream order.
    /// </summary>
    public IReadOnlyList<VesEvent> Admit(IReadOnlyList<VesEvent> events) => _quarantine.Admit(events);

    /// <summary>Feeds a committed batch (events then alarm changes); a subscriber of <see cref="IngestionPipeline"/>.</summary>
    public void OnCommitted(CommittedBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        lock (_lock)
        {
            var latest = _now;
            foreach (var e in batch.Events)
            {
                latest = Math.Max(latest, e.LastEpochMicrosec);
                if (e.Domain == "notification" && e.ChangeType == AlarmConditions.ConfigurationChange)
                {
                    if (!_configChanges.TryGetValue(e.SourceName, out var list))
                    {
                        list = [];
                        _configChanges[e.SourceName] = list;
                    }

                    list.Add((e.StartEpochMicrosec, e.ChangeIdentifier ?? e.EventId));
                }
            }

            foreach (var change in batch.Changes)
            {
                // event time moves per alarm, so a replayed file groups exactly as a live stream would
                AdvanceLocked(change.Kind == AlarmChangeKind.Raised ? change.Alarm.RaisedMicros : change.Alarm.ChangedMicros);
                Apply(change);
            }

            AdvanceLocked(latest);
            Changed();
        }
    }

    /// <summary>Moves event time to <paramref name="micros"/>, grouping waiting alarms whose settle time has passed.</summary>
    public void AdvanceTo(long micros)
    {
        lock (_lock)
        {
            AdvanceLocked(micros);
        }
    }

    /// <summary>Groups all waiting alarms now (end of a replay or simulation).</summary>
    public void Flush()
    {
        lock (_lock)
        {
            if (_pending.Count > 0)
            {
                Resolve(long.MaxValue);
            }
        }
    }

    private void AdvanceLocked(long micros)
    {
        _now = Math.Max(_now, micros);
        var settle = (long)_options.SettleTime.TotalMicroseconds;
        if (_pending.Count > 0 && _now - _pending[0].RaisedMicros >= settle)
        {
            Resolve(_now - settle);
        }
    }

    private Incident Open(IncidentType type, string rootCause, string summary, double score, long firstAlarm)
    {
        var incident = new Incident
        {
            Id = _nextId++,
            Type = type,
            RootCause = rootCause,
            Summary = summary,
            OpenedMicros = _now,
            FirstAlarmMicros = firstAlarm == long.MaxValue ? _now : firstAlarm,
            UpdatedMicros = _now,
            Score = Math.Round(score, 3),
        };
        _incidents.Add(incident);
        return incident;
    }

    private static string KeyOf(AlarmRecord alarm) => AlarmConditions.Key(alarm.Condition, alarm.Source, alarm.Interface);

    /// <summary>The inventory the correlator reasons over.</summary>
    public NetworkInventory Inventory => _inventory;
}
