using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Quanet.Cluster.Silo;

namespace Quanet.Cluster.Processing;

/// <summary>
/// The processing of one topology region. State: the checkpoint (last applied stream sequence) in the grain
/// storage, the applied events, incidents and notices in <see cref="RegionStore"/>, and in memory the region's
/// <see cref="RegionEngine"/>, which an activation rebuilds by replaying the applied batches up to the checkpoint.
/// A batch is applied, saved (idempotent upserts), then checkpointed (the storage's ETag fences a second
/// activation); any failure deactivates the grain so that the next call rebuilds from the durable state.
/// </summary>
internal sealed partial class RegionGrain(
    [PersistentState("region", OperationsSilo.StorageName)] IPersistentState<RegionCheckpoint> checkpoint,
    ClusterContext context,
    IServiceProvider services,
    ILogger<RegionGrain> logger) : Grain, IRegionGrain, IRemindable
{
    private const string Keep = "keep-fed";

    /// <summary>How long a region waits for a runbook grain to take a run before it asks again later.</summary>
    private static readonly TimeSpan StartWait = TimeSpan.FromSeconds(2);
    private readonly RegionStore _store = new(context.Database);
    private readonly Dictionary<string, RunbookRequest> _unstarted = new(StringComparer.Ordinal);
    private RegionEngine? _engine;
    private long _rebuiltEvents;
    private double _rebuildMilliseconds;
    private CancellationTokenSource? _feedStop;
    private Task? _starting;

    private string Region => this.GetPrimaryKeyString();

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        _engine = new RegionEngine(Region, context);
        _rebuiltEvents = await _store.ReplayAsync(Region, checkpoint.State.LastAppliedSequence,
            batch => _engine.IngestAsync(batch, cancellationToken), cancellationToken);
        _rebuildMilliseconds = clock.Elapsed.TotalMilliseconds;
        var changes = _engine.TakeChanges();
        logger.LogInformation("region {Region} rebuilt from {Events} events up to {Sequence} in {Ms:0} ms",
            Region, _rebuiltEvents, checkpoint.State.LastAppliedSequence, _rebuildMilliseconds);
        // runbooks of incidents opened before the failover whose runs never finished start (or resume) now
        var finished = await _store.FinishedRunbooksAsync(Region, cancellationToken);
        HandOver(changes.Remediations.Where(r => !finished.Contains(r.IncidentKey)));
        await base.OnActivateAsync(cancellationToken);
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (_feedStop is not null)
        {
            await _feedStop.CancelAsync();
            _feedStop.Dispose();
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync();
            _engine = null;
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    public async Task<ulong> ApplyAsync(IReadOnlyList<RegionEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var engine = _engine!;
        var last = checkpoint.State.LastAppliedSequence;
        var fresh = new List<RegionEvent>(events.Count);
        foreach (var e in events)
        {
            // idempotent by stream sequence: a redelivered event is at or below the checkpoint
            if (e.Sequence > last && (fresh.Count == 0 || e.Sequence > fresh[^1].Sequence))
            {
                fresh.Add(e);
            }
        }

        if (fresh.Count == 0)
        {
            return last;
        }

        try
        {
            await engine.IngestAsync(fresh.Select(e => (ReadOnlyMemory<byte>)e.Json), CancellationToken.None);
            var changes = engine.TakeChanges();
            await _store.SaveAsync(Region, fresh, changes, CancellationToken.None);
            checkpoint.State.LastAppliedSequence = fresh[^1].Sequence;
            checkpoint.State.Batches++;
            await checkpoint.WriteStateAsync();
            HandOver(changes.Remediations);
            return checkpoint.State.LastAppliedSequence;
        }
        catch
        {
            // the engine may be ahead of the durable state: start again from the durable state
            DeactivateOnIdle();
            throw;
        }
    }

    public Task FlushAsync()
    {
        _engine!.Flush();
        return Task.CompletedTask;
    }

    public Task<RegionStatus> StatusAsync()
    {
        var engine = _engine!;
        var incidents = engine.Incidents;
        return Task.FromResult(new RegionStatus
        {
            LastAppliedSequence = checkpoint.State.LastAppliedSequence,
            Incidents = incidents.Count,
            OpenIncidents = incidents.Count(i => i.IsOpen),
            RebuiltEvents = _rebuiltEvents,
            RebuildMilliseconds = _rebuildMilliseconds,
            Silo = RuntimeIdentity,
            IncidentKeys = engine.IncidentKeys(),
            Refused = engine.Refused,
        });
    }

    /// <summary>
    /// Hands runbook runs to their grains without holding up the region: the starts run beside the region's calls
    /// (on its scheduler), all at once; a start that fails or takes longer than <see cref="StartWait"/> (its grain's
    /// silo just died, or the reminder service is still settling after a death) is asked again with the next batch or
    /// at the region's next keep-fed call. Awaited inside the apply, each such start held every later batch of the
    /// region for up to 2 s, one start after the other: 15 s of standstill after a silo's death in a chaos run.
    /// </summary>
    private void HandOver(IEnumerable<RunbookRequest> requests)
    {
        foreach (var request in requests)
        {
            _unstarted[request.IncidentKey] = request;
        }

        if (_unstarted.Count > 0 && _starting is not { IsCompleted: false })
        {
            _starting = StartRunbooksAsync();
        }
    }

    private async Task StartRunbooksAsync()
    {
        while (true)
        {
            var round = _unstarted.Values.ToList();
            await Task.WhenAll(round.Select(StartRunbookAsync));
            // runs handed over during this round start now; those that failed wait for the next batch or keep-fed call
            if (_unstarted.Keys.All(key => round.Exists(r => r.IncidentKey == key)))
            {
                return;
            }
        }
    }

    private async Task StartRunbookAsync(RunbookRequest request)
    {
        try
        {
            await GrainFactory.GetGrain<IRunbookGrain>(request.IncidentKey).StartAsync(request).WaitAsync(StartWait);
            _unstarted.Remove(request.IncidentKey);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning("runbook {Key} not started yet: {Reason}", request.IncidentKey, ex.Message);
        }
    }
}
