using System.Globalization;
using Quanet.Cluster.Ingestion;
using Quanet.Operations.Action;
using Quanet.Operations.Correlation;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Processing;

/// <summary>
/// The embedded operations engine of one region (the same <see cref="OperationsEngine"/> the single-process
/// hosting runs: alarm deduplication, correlation, the remote-vs-field decision) over a scratch SQLite file
/// that is only a cache: the durable truth is PostgreSQL, and a new activation rebuilds this by replaying the
/// region's applied batches. Tracks what changed since the last batch for persisting.
/// </summary>
/// <remarks>
/// A region's log holds its own events and copies of its neighbours' hub events (<see cref="TopologyRegions.RegionsOf"/>).
/// The correlator counts as missing only what the region can see, and the region reports (persists, remediates,
/// compares) only the incidents it owns (<see cref="TopologyRegions.OwnerOf"/>) and the notices of its own elements:
/// an incident of a neighbour's cause still takes the alarms it explains here, but its owner reports it.
/// </remarks>
internal sealed class RegionEngine : IAsyncDisposable
{
    private readonly string _region;
    private readonly TopologyRegions _regions;
    private readonly string _path;
    private readonly OperationsEngine _engine;
    private readonly Dictionary<long, (long Updated, long? Resolved, int Alarms, int Runs, int Kpis)> _saved = [];
    private readonly List<RunbookRequest> _remediations = [];
    private int _savedNotices;

    public RegionEngine(string region, ClusterContext context)
    {
        _region = region;
        _regions = context.Regions;
        _path = Path.Combine(context.ScratchFolder, $"quanet-region-{Guid.NewGuid():N}.db");
        _engine = new OperationsEngine(context.Inventory, _path, new NoNetwork(), context.Runbooks,
            new CorrelatorOptions { SeesSource = source => _regions.Sees(region, source) });
    }

    /// <summary>Events refused so far: quarantined by the correlator or unreadable.</summary>
    public long Refused => _engine.Correlator.Quarantined.Total + Unreadable;

    /// <summary>Events whose JSON could not be parsed (the collector validated them, so this stays 0).</summary>
    public long Unreadable { get; private set; }

    /// <summary>The incidents this region owns (those of its neighbours' causes are left to them).</summary>
    public IReadOnlyList<Incident> Incidents => [.. _engine.Correlator.Incidents.Where(Owns)];

    /// <summary>Parses and ingests one batch of events (in stream order), as the embedded engine would.</summary>
    public async Task IngestAsync(IEnumerable<ReadOnlyMemory<byte>> bodies, CancellationToken cancellationToken)
    {
        var events = new List<VesEvent>();
        foreach (var body in bodies)
        {
            try
            {
                events.AddRange(VesParser.ParseBody(body.Span));
            }
            catch (VesValidationException)
            {
                Unreadable++;
            }
        }

        if (events.Count > 0)
        {
            await _engine.IngestAsync(events, cancellationToken);
        }

        Collect();
    }

    /// <summary>Groups the alarms still waiting (end of a replay).</summary>
    public void Flush()
    {
        _engine.Correlator.Flush();
        Collect();
    }

    /// <summary>What changed since the last call: incidents to upsert, notices to add, runbook runs to start.</summary>
    public RegionChanges TakeChanges()
    {
        var rows = new List<IncidentRow>();
        _engine.Correlator.Read(c =>
        {
            foreach (var incident in c.Incidents)
            {
                if (!Owns(incident))
                {
                    continue;
                }

                var mark = (incident.UpdatedMicros, incident.ResolvedMicros, incident.Alarms.Count, incident.RunbookRuns.Count, incident.KpiEvidence.Count);
                if (_saved.TryGetValue(incident.Id, out var saved) && saved == mark)
                {
                    continue;
                }

                _saved[incident.Id] = mark;
                rows.Add(new IncidentRow(incident.Id, ResolutionPlanner.TypeName(incident.Type), incident.RootCause,
                    incident.OpenedMicros, incident.ResolvedMicros, OperationsEngine.ToJson(incident)));
            }

            return 0;
        });
        var notices = _engine.Correlator.Notices;
        var fresh = new List<(long, string)>();
        for (var i = _savedNotices; i < notices.Count; i++)
        {
            if (string.Equals(_regions.RegionOf(notices[i].Source), _region, StringComparison.Ordinal))
            {
                fresh.Add((notices[i].AlarmId, OperationsEngine.ToJson(notices[i])));
            }
        }

        _savedNotices = notices.Count;
        var remediations = _remediations.ToList();
        _remediations.Clear();
        return new RegionChanges(rows, fresh, remediations);
    }

    /// <summary>The incidents' root-cause type and entity, <c>type:entity</c>, sorted (what the chaos benchmark compares).</summary>
    public IReadOnlyList<string> IncidentKeys() =>
        [.. Incidents.Select(i => ResolutionPlanner.TypeName(i.Type) + ":" + i.RootCause).Order(StringComparer.Ordinal)];

    /// <summary>Collects the incidents opened by the last batch whose decision is a remote fix.</summary>
    private void Collect()
    {
        foreach (var incident in _engine.TakeOpenedIncidents())
        {
            if (Owns(incident) && incident.Decision is { FieldVisit: false, Runbook: { } runbook })
            {
                _remediations.Add(new RunbookRequest
                {
                    IncidentKey = RunbookRequest.KeyOf(_region, incident.Id),
                    Region = _region,
                    IncidentId = incident.Id,
                    IncidentType = ResolutionPlanner.TypeName(incident.Type),
                    Runbook = runbook,
                    Target = incident.RootCause,
                    StartedMicros = incident.OpenedMicros,
                });
            }
        }
    }

    private bool Owns(Incident incident) => string.Equals(_regions.OwnerOf(incident.RootCause), _region, StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _engine.DisposeAsync();
        // only this file's pool: other regions' engines in the same silo keep theirs
        using (var pooled = new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString()))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearPool(pooled);
        }

        foreach (var suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"region {_region}");
}
