using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Simulation;

/// <summary>
/// The simulated world: the network (<see cref="SimulatedNetwork"/>), the state the network alone
/// knows (mains failures, which dying gasps got out, noise), a scheduler of timed actions, and the
/// telemetry generator that turns state into VES events on the wire (with detection delays and
/// loss). The engine under test only ever sees the VES events.
/// </summary>
public sealed partial class SimulationWorld
{
    private readonly PriorityQueue<Action<SimulationWorld>, (long, long)> _actions = new();
    private readonly PriorityQueue<VesEvent, (long, long)> _wire = new();
    private readonly XnNeighbourhood _xn;
    private readonly Random _peerRng;
    private long _sequence;
    private int _eventNo;

    /// <summary>Creates the world for <paramref name="graph"/>.</summary>
    public SimulationWorld(DependencyGraph graph, int seed)
    {
        ArgumentNullException.ThrowIfNull(graph);
        Graph = graph;
        Network = new SimulatedNetwork(graph, seed);
        Network.UpdateTopology();
        Rng = new Random(seed);
        _xn = new XnNeighbourhood(graph.Inventory);
        _peerRng = new Random(unchecked((seed * 7919) + 104729));
    }

    /// <summary>The dependency graph.</summary>
    public DependencyGraph Graph { get; }

    /// <summary>The inventory.</summary>
    public NetworkInventory Inventory => Graph.Inventory;

    /// <summary>The simulated network.</summary>
    public SimulatedNetwork Network { get; }

    /// <summary>The world's random source (seeded).</summary>
    public Random Rng { get; }

    /// <summary>Current simulated time (microseconds since 1970).</summary>
    public long NowMicros { get; private set; }

    /// <summary>Sites whose mains power failed (on battery or dead).</summary>
    public HashSet<string> MainsFailed { get; } = new(StringComparer.Ordinal);

    /// <summary>Sites whose dying gasp reached the EMS.</summary>
    public HashSet<string> GaspSent { get; } = new(StringComparer.Ordinal);

    /// <summary>Crashed DUs that reported a software fault before going down.</summary>
    public HashSet<string> SoftwareFaultShown { get; } = new(StringComparer.Ordinal);

    /// <summary>RUs whose VSWR fault is alarmed (the rest degrade silently).</summary>
    public HashSet<string> VswrShown { get; } = new(StringComparer.Ordinal);

    /// <summary>Links bouncing (micro-breaks).</summary>
    public HashSet<string> FlappingLinks { get; } = new(StringComparer.Ordinal);

    /// <summary>Active noise alarms (e.g. temperature warnings) by key.</summary>
    public Dictionary<string, DesiredAlarm> NoiseAlarms { get; } = new(StringComparer.Ordinal);

    /// <summary>Threshold crossings active after the latest PM period, by key.</summary>
    public Dictionary<string, DesiredAlarm> TcaActive { get; } = new(StringComparer.Ordinal);

    /// <summary>Faults injected so far.</summary>
    public List<(InjectedFault Fault, IFaultScenario Scenario)> Faults { get; } = [];

    /// <summary>Every alarm raise put on the wire: key, event time, causing fault id (null for noise).</summary>
    public List<(string Key, long Micros, int? FaultId)> RaisedLog { get; } = [];

    /// <summary>Events put on the wire.</summary>
    public int EventsSent { get; private set; }

    /// <summary>Probability that an alarm raise is lost on the way (default 0.01).</summary>
    public double LossProbability { get; init; } = 0.01;

    /// <summary>Schedules <paramref name="action"/> at <paramref name="atMicros"/>.</summary>
    public void Schedule(long atMicros, Action<SimulationWorld> action) => _actions.Enqueue(action, (atMicros, _sequence++));

    /// <summary>The time of the next scheduled action or wire event, or null.</summary>
    public long? NextTime()
    {
        long? next = null;
        if (_actions.TryPeek(out _, out var a))
        {
            next = a.Item1;
        }

        if (_wire.TryPeek(out _, out var w) && (next is null || w.Item1 < next))
        {
            next = w.Item1;
        }

        return next;
    }

    /// <summary>Runs every action due at or before <paramref name="micros"/> and returns the wire events delivered by then.</summary>
    public List<VesEvent> AdvanceTo(long micros)
    {
        while (_actions.TryPeek(out _, out var at) && at.Item1 <= micros)
        {
            var action = _actions.Dequeue();
            NowMicros = Math.Max(NowMicros, at.Item1);
            action(this);
        }

        NowMicros = Math.Max(NowMicros, micros);
        var delivered = new List<VesEvent>();
        while (_wire.TryPeek(out _, out var w) && w.Item1 <= micros)
        {
            delivered.Add(_wire.Dequeue());
        }

        return delivered;
    }

    /// <summary>Sets the clock (start of a run).</summary>
    public void StartAt(long micros) => NowMicros = micros;

    /// <summary>Emits a configuration-change notification from <paramref name="du"/>.</summary>
    public void EmitConfigChange(string du, string changeId) => Send(new VesEvent
    {
        Domain = "notification",
        EventId = NextEventId(),
        EventName = "Notification_ConfigurationChange",
        SourceName = du,
        ReportingEntityName = du,
        Priority = "Normal",
        Version = "4.1",
        VesEventListenerVersion = "7.2.1",
        StartEpochMicrosec = NowMicros,
        LastEpochMicrosec = NowMicros,
        ChangeType = AlarmConditions.ConfigurationChange,
        ChangeIdentifier = changeId,
    }, NowMicros + Micros(Rng, 1, 5));

    private void Send(VesEvent e, long deliverAt)
    {
        EventsSent++;
        _wire.Enqueue(e, (deliverAt, _sequence++));
    }

    private string NextEventId() => $"sim-{++_eventNo}";

    internal static long Micros(Random rng, double minSeconds, double maxSeconds) =>
        (long)((minSeconds + ((maxSeconds - minSeconds) * rng.NextDouble())) * 1_000_000);
}
