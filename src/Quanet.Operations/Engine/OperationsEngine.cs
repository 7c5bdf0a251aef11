using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Serialization;
using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Kpi;

namespace Quanet.Operations.Engine;

/// <summary>
/// The operations engine: ingestion into the SQLite store, correlation into incidents, the
/// remote-vs-field decision and runbook execution through a network adapter. Used by
/// <c>quanet ops serve</c>, <c>replay</c> and <c>simulate</c>.
/// </summary>
public sealed class OperationsEngine : IAsyncDisposable
{
    private static readonly JsonSerializerOptions DocumentOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    private readonly ConcurrentQueue<Incident> _opened = new();
    private readonly SemaphoreSlim _actionLock = new(1, 1);

    /// <summary>Opens the store at <paramref name="databasePath"/> and wires the engine.</summary>
    /// <remarks>
    /// The KPI detectors are rebuilt from the store's measurement events first (<see cref="KpiMonitor.Rebuild"/>), then
    /// write their notices inside each ingestion transaction; after each commit the correlator sees the alarms, then
    /// the batch's KPI notices (<see cref="AlarmCorrelator.OnKpi"/>).
    /// </remarks>
    public OperationsEngine(NetworkInventory inventory, string databasePath, INetworkAdapter network, RunbookCatalog? runbooks = null,
        CorrelatorOptions? options = null, TimeProvider? time = null, KpiNoticeOptions? kpi = null)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        ArgumentNullException.ThrowIfNull(network);
        Graph = new DependencyGraph(inventory);
        Kpis = new KpiMonitor(kpi);
        Store = new OperationsStore(databasePath);
        Kpis.Rebuild(Store);
        Pipeline = new IngestionPipeline(Store, time);
        Pipeline.Enlist(Kpis);
        Correlator = new AlarmCorrelator(Graph, options);
        Runbooks = runbooks ?? RunbookCatalog.Defaults();
        Planner = new ResolutionPlanner(Runbooks, Graph);
        Network = network;
        Executor = new RunbookExecutor(network, inventory);
        Correlator.IncidentOpened += incident =>
        {
            incident.Decision = Planner.Decide(incident);
            _opened.Enqueue(incident);
        };
        Correlator.IncidentResolved += Persist;
        Pipeline.Subscribe(Correlator.OnCommitted);
        Pipeline.Subscribe(_ =>
        {
            var (notices, changes) = Kpis.TakeCommitted();
            Correlator.OnKpi(notices, changes);
        });
    }

    /// <summary>KPI anomaly detection on the measurement events ingested: its notices (in <see cref="OperationsStore.ListKpiNotices"/>) carry their KPI evidence.</summary>
    public KpiMonitor Kpis { get; }

    /// <summary>The dependency graph.</summary>
    public DependencyGraph Graph { get; }

    /// <summary>The store.</summary>
    public OperationsStore Store { get; }

    /// <summary>The ingestion pipeline.</summary>
    public IngestionPipeline Pipeline { get; }

    /// <summary>The correlator.</summary>
    public AlarmCorrelator Correlator { get; }

    /// <summary>The runbooks.</summary>
    public RunbookCatalog Runbooks { get; }

    /// <summary>The remote-vs-field planner.</summary>
    public ResolutionPlanner Planner { get; }

    /// <summary>The network adapter runbooks act through.</summary>
    public INetworkAdapter Network { get; }

    /// <summary>The runbook executor (and its runs).</summary>
    public RunbookExecutor Executor { get; }

    /// <summary>
    /// Ingests the events the correlator admits; when the task completes they are committed and the correlator
    /// has seen them; the others are quarantined (see <see cref="AlarmCorrelator.Admit"/>).
    /// </summary>
    public Task<IngestResult> IngestAsync(IReadOnlyList<VesEvent> events, CancellationToken cancellationToken = default) =>
        Pipeline.SubmitAsync(Correlator.Admit(events), cancellationToken);

    /// <summary>Incidents opened since the last call (with their decisions), oldest first.</summary>
    public List<Incident> TakeOpenedIncidents()
    {
        var list = new List<Incident>();
        while (_opened.TryDequeue(out var incident))
        {
            Persist(incident);
            list.Add(incident);
        }

        return list;
    }

    /// <summary>Runs the decided runbook of every newly opened incident whose decision is a remote fix.</summary>
    public async Task<List<RunbookRun>> RemediateOpenedAsync(long nowMicros, CancellationToken cancellationToken = default)
    {
        var runs = new List<RunbookRun>();
        foreach (var incident in TakeOpenedIncidents())
        {
            if (incident.Decision is { FieldVisit: false, Runbook: not null })
            {
                runs.Add(await RunRunbookAsync(incident, nowMicros, cancellationToken));
            }
        }

        return runs;
    }

    /// <summary>Runs the runbook for <paramref name="incident"/>'s type now.</summary>
    /// <exception cref="Quanet.Core.QuanetException">There is no runbook for the incident type.</exception>
    public async Task<RunbookRun> RunRunbookAsync(Incident incident, long nowMicros, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var runbook = Runbooks.For(ResolutionPlanner.TypeName(incident.Type))
            ?? throw new Quanet.Core.QuanetException($"no runbook for incident type {ResolutionPlanner.TypeName(incident.Type)}");
        await _actionLock.WaitAsync(cancellationToken);
        try
        {
            var run = await Executor.ExecuteAsync(runbook, incident, nowMicros, cancellationToken);
            Correlator.AddRunbookRun(incident, run.Id);
            Store.SaveRunbookRun(run.Id, incident.Id, JsonSerializer.Serialize(run, DocumentOptions));
            Persist(incident);
            return run;
        }
        finally
        {
            _actionLock.Release();
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await Pipeline.DisposeAsync();
        foreach (var incident in Correlator.Incidents)
        {
            Persist(incident);
        }

        Store.Dispose();
        _actionLock.Dispose();
    }

    /// <summary>Serialises <paramref name="value"/> as the engine's snake_case JSON.</summary>
    public static string ToJson<T>(T value) => JsonSerializer.Serialize(value, DocumentOptions);

    private void Persist(Incident incident)
    {
        var document = Correlator.Read(_ => JsonSerializer.Serialize(incident, DocumentOptions));
        Store.SaveIncident(incident.Id, incident.UpdatedMicros, document);
    }
}
