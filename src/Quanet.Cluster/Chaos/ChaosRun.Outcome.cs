using Npgsql;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Silo;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Chaos;

// What a run measured: stored and lost events, duplicate actions, incidents against the embedded replay, recovery.
public sealed partial class ChaosRun
{
    private async Task<ChaosReport> OutcomeAsync(NetworkInventory inventory, AppliedTimeline timeline, int retries, double sendSeconds, double applySeconds,
        CancellationToken cancellationToken)
    {
        var acknowledgedEvents = AcknowledgedEvents();
        var (stored, twice) = await StoredAsync(acknowledgedEvents, cancellationToken).ConfigureAwait(false);
        var regions = _storm.Events.SelectMany(e => e.Regions).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var cluster = await ClusterIncidentsAsync(regions, cancellationToken).ConfigureAwait(false);
        _progress?.Report($"incidents: {cluster.Count} in the region grains");
        var runbooks = await RunbooksFinishedAsync(cancellationToken).ConfigureAwait(false);
        _progress?.Report($"runbooks: {runbooks} runs finished");
        var embedded = await EmbeddedReplay.IncidentsAsync(inventory, acknowledgedEvents, _cluster.Options.DataDirectory, cancellationToken).ConfigureAwait(false);
        _progress?.Report($"embedded replay: {embedded.Count} incidents; stopping the cluster");
        var kills = Overlapping([.. _kills.Select(k => Recovery(k, timeline))]);
        return new ChaosReport
        {
            Seed = _options.Seed,
            Events = _storm.Events.Count,
            Hours = _storm.Hours,
            Regions = regions.Count,
            Silos = _cluster.Silos.Count,
            Nats = _cluster.Nats.Nodes.Count,
            Collectors = _cluster.Collectors.Count,
            Senders = _options.Senders,
            Acknowledged = _acknowledged,
            Stored = stored,
            Lost = _acknowledged - stored,
            StoredTwice = twice,
            DuplicateActions = await ClusterActions.DuplicatesAsync(_cluster.ConnectionString, cancellationToken).ConfigureAwait(false),
            Actions = await ClusterActions.CountAsync(_cluster.ConnectionString, cancellationToken).ConfigureAwait(false),
            Runbooks = runbooks,
            Incidents = cluster.Count,
            EmbeddedIncidents = embedded.Count,
            IncidentsMatch = cluster.SetEquals(embedded),
            OnlyInCluster = [.. cluster.Except(embedded).Order(StringComparer.Ordinal)],
            OnlyEmbedded = [.. embedded.Except(cluster).Order(StringComparer.Ordinal)],
            RecoverySeconds = kills.Count == 0 ? 0 : kills.Max(k => k.RecoverySeconds),
            RecoverySecondsByKind = kills.GroupBy(k => k.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Max(k => k.RecoverySeconds), StringComparer.Ordinal),
            Kills = kills,
            EventsPerSecond = sendSeconds > 0 ? (long)(_acknowledged / sendSeconds) : 0,
            SendSeconds = Round(sendSeconds),
            ApplySeconds = Round(applySeconds),
            Retries = retries,
        };
    }

    // the storm's events whose request was answered 202, in the storm's order
    private List<StormEvent> AcknowledgedEvents()
    {
        var perSender = new Dictionary<int, int>();
        foreach (var request in _sent)
        {
            perSender[request.Sender] = perSender.GetValueOrDefault(request.Sender) + request.Events;
        }

        // a sender's requests are acknowledged in its order, so its first N events are the acknowledged ones
        var shares = Shares();
        var acknowledged = new HashSet<int>();
        for (var s = 0; s < shares.Length; s++)
        {
            foreach (var e in shares[s].Take(perSender.GetValueOrDefault(s)))
            {
                acknowledged.Add(e.Index);
            }
        }

        return [.. _storm.Events.Where(e => acknowledged.Contains(e.Index))];
    }

    /// <summary>
    /// The acknowledged events applied in every region they were published to (by identity), and the applied rows
    /// beyond one per identity and region.
    /// </summary>
    private async Task<(long Stored, long Twice)> StoredAsync(List<StormEvent> acknowledged, CancellationToken cancellationToken)
    {
        var applied = new Dictionary<(string Region, string Key), int>();
        await using (var connection = new NpgsqlConnection(_cluster.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = new NpgsqlCommand("SELECT region, body FROM quanet_region_events", connection);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var region = reader.GetString(0);
                foreach (var e in VesParser.ParseBody(reader.GetFieldValue<byte[]>(1)))
                {
                    var key = (region, StormEvent.KeyOf(e));
                    applied[key] = applied.GetValueOrDefault(key) + 1;
                }
            }
        }

        var stored = acknowledged.LongCount(e => e.Regions.All(r => applied.ContainsKey((r, e.Key))));
        return (stored, applied.Values.Sum(n => (long)n - 1));
    }

    /// <summary>
    /// Waits until every region grain's checkpoint covers every event stored for it, then flushes it (alarms still in
    /// their settle time are grouped) and collects the incidents.
    /// </summary>
    /// <remarks>
    /// A batch's rows are stored before its checkpoint is written, so the stored count (what <see cref="WaitAppliedAsync"/>
    /// waits for) can be complete while a grain's checkpoint is behind: an apply that failed after saving its rows (the
    /// grain then starts again from the checkpoint and takes the batch again). Its engine has not seen those events yet.
    /// </remarks>
    private async Task<HashSet<string>> ClusterIncidentsAsync(IReadOnlyList<string> regions, CancellationToken cancellationToken)
    {
        var stored = await StoredPositionsAsync(cancellationToken).ConfigureAwait(false);
        using var client = ClusterClient.Build(_cluster.ConnectionString);
        await client.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var grains = ClusterClient.Grains(client);
            var incidents = new HashSet<string>(StringComparer.Ordinal);
            foreach (var region in regions)
            {
                var grain = grains.GetGrain<IRegionGrain>(region);
                var last = stored.GetValueOrDefault(region);
                var deadline = DateTime.UtcNow + _options.StallTimeout;
                var status = await RetryAsync(async () =>
                {
                    await grain.KeepFedAsync().ConfigureAwait(false);
                    return await grain.StatusAsync().ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                while (status.LastAppliedSequence < last && DateTime.UtcNow < deadline)
                {
                    await Task.Delay(200, cancellationToken).ConfigureAwait(false);
                    status = await RetryAsync(grain.StatusAsync, cancellationToken).ConfigureAwait(false);
                }

                if (status.LastAppliedSequence < last)
                {
                    _progress?.Report($"region {region}: checkpoint {status.LastAppliedSequence} behind the stored {last} after {_options.StallTimeout.TotalSeconds:0} s");
                }

                status = await RetryAsync(async () =>
                {
                    await grain.FlushAsync().ConfigureAwait(false);
                    return await grain.StatusAsync().ConfigureAwait(false);
                }, cancellationToken).ConfigureAwait(false);
                incidents.UnionWith(status.IncidentKeys);
            }

            return incidents;
        }
        finally
        {
            await client.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
    }

    // the last position stored per region
    private async Task<Dictionary<string, ulong>> StoredPositionsAsync(CancellationToken cancellationToken)
    {
        var positions = new Dictionary<string, ulong>(StringComparer.Ordinal);
        await using var connection = new NpgsqlConnection(_cluster.ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT region, max(seq) FROM quanet_region_events GROUP BY region", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            positions[reader.GetString(0)] = (ulong)reader.GetInt64(1);
        }

        return positions;
    }

    /// <summary>Waits (at most 2 minutes) until every runbook run has an outcome; returns the runs.</summary>
    private async Task<long> RunbooksFinishedAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(_cluster.ConnectionString);
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(2);
        while (true)
        {
            await using var open = source.CreateCommand("SELECT count(*) FROM quanet_runbooks WHERE outcome IS NULL");
            if ((long)(await open.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! == 0 || DateTime.UtcNow > deadline)
            {
                break;
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }

        await using var all = source.CreateCommand("SELECT count(*) FROM quanet_runbooks");
        return (long)(await all.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<T> RetryAsync<T>(Func<Task<T>> call, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
