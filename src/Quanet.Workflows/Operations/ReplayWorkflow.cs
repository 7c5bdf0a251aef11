using Microsoft.Data.Sqlite;
using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Workflows.Operations;

/// <summary>
/// Replays an NDJSON file of VES events through ingestion (a SQLite store, temporary unless kept) and
/// correlation, and returns the incidents. Driven by event time only: the same file and seed give the
/// same incidents on any machine at any load.
/// </summary>
public static class ReplayWorkflow
{
    /// <summary>How many rejected lines <see cref="ReplayResult.Rejections"/> quotes.</summary>
    public const int RejectionSamples = 10;

    // events per submission: the file decides the batches, never the timing of the writer
    private const int BatchEvents = 2000;

    /// <summary>Runs the replay described by <paramref name="request"/>.</summary>
    /// <param name="request">File, network, store and rejection limit.</param>
    /// <param name="progress">Receives the number of lines read after each submitted batch.</param>
    /// <param name="cancellationToken">Cancels the replay (the temporary store is still deleted).</param>
    /// <returns>The counts and incidents; <see cref="ReplayResult.Failure"/> says whether the input passed.</returns>
    /// <exception cref="FileNotFoundException">The events file does not exist.</exception>
    public static async Task<ReplayResult> RunAsync(ReplayRequest request, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.MaxRejected is int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(request));
        }

        var input = Path.GetFullPath(request.EventsPath);
        if (!File.Exists(input))
        {
            throw new FileNotFoundException("file not found", input);
        }

        var db = request.DatabasePath ?? Path.Combine(Path.GetTempPath(), $"quanet-replay-{Guid.NewGuid():N}.db");
        try
        {
            return await ReplayAsync(request, input, db, progress, cancellationToken);
        }
        finally
        {
            if (request.DatabasePath is null)
            {
                SqliteConnection.ClearAllPools();
                foreach (var suffix in new[] { "", "-wal", "-shm" })
                {
                    File.Delete(db + suffix);
                }
            }
        }
    }

    private static async Task<ReplayResult> ReplayAsync(ReplayRequest request, string input, string db, IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var file = Path.GetFileName(input);
        var adapter = new SimulatedNetwork(new DependencyGraph(request.Inventory), request.Seed);
        var rejections = new List<string>();
        long lines = 0, rejected = 0, accepted = 0, raised = 0, cleared = 0;
        await using var engine = new OperationsEngine(request.Inventory, db, adapter);
        var batch = new List<VesEvent>();
        async Task SubmitAsync()
        {
            if (batch.Count > 0)
            {
                // completes only after the correlator has seen the batch (IngestionPipeline publishes before completing)
                var r = await engine.IngestAsync([.. batch], cancellationToken);
                accepted += r.Accepted;
                raised += r.Raised;
                cleared += r.Cleared;
                batch.Clear();
                engine.TakeOpenedIncidents();
                progress?.Report(lines);
            }
        }

        foreach (var line in NdjsonEvents.Read(input))
        {
            cancellationToken.ThrowIfCancellationRequested();
            lines++;
            if (line.Error is not null)
            {
                rejected++;
                if (rejections.Count < RejectionSamples)
                {
                    rejections.Add($"{file}:{line.Number}: {line.Error}");
                }

                continue;
            }

            batch.AddRange(line.Events);
            if (batch.Count >= BatchEvents)
            {
                await SubmitAsync();
            }
        }

        await SubmitAsync();
        engine.Correlator.Flush();
        engine.TakeOpenedIncidents();
        return new ReplayResult
        {
            Topology = request.Topology,
            Lines = lines,
            Accepted = accepted,
            Rejected = rejected,
            Rejections = rejections,
            Alarms = engine.Store.CountAlarms(),
            AlarmsRaised = raised,
            AlarmsCleared = cleared,
            Quarantined = engine.Correlator.Quarantined,
            Incidents = engine.Correlator.Incidents,
            Failure = Verdict(file, lines, accepted, rejected, request.MaxRejected),
        };
    }

    /// <summary>A replay that accepted nothing, or rejected more than allowed, measured nothing: it fails.</summary>
    private static string? Verdict(string file, long lines, long accepted, long rejected, int? maxRejected)
    {
        if (accepted == 0)
        {
            return $"{file}: no VES event accepted ({lines} lines read, {rejected} rejected)";
        }

        return rejected > maxRejected
            ? $"{file}: {rejected} lines rejected, more than the {maxRejected} allowed"
            : null;
    }
}
