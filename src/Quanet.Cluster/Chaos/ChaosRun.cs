using System.Collections.Concurrent;
using System.Diagnostics;
using Quanet.Cluster.Local;
using Quanet.Core;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Chaos;

/// <summary>
/// The chaos benchmark (<c>quanet ops chaos</c>): brings a local cluster up, sends a simulated storm to its collectors
/// over HTTP while it kills one silo, one NATS server and one collector with SIGKILL (each at a different, seeded point)
/// and starts them again, waits until every acknowledged event is applied, measures what was lost, applied twice and
/// recovered, compares the incidents with an embedded replay, and brings the cluster down (also on failure or cancel).
/// </summary>
public sealed partial class ChaosRun
{
    private readonly ChaosOptions _options;
    private readonly LocalCluster _cluster;
    private readonly ChaosStorm _storm;
    private readonly IProgress<string>? _progress;
    private readonly Stopwatch _clock = new();
    private readonly ConcurrentQueue<SentRequest> _sent = new();
    private readonly List<ChaosKill> _kills = [];
    private long _acknowledged;

    private ChaosRun(ChaosOptions options, LocalCluster cluster, ChaosStorm storm, IProgress<string>? progress)
    {
        _options = options;
        _cluster = cluster;
        _storm = storm;
        _progress = progress;
    }

    /// <summary>Runs the benchmark.</summary>
    /// <param name="options">Storm, senders, kills and the operator key.</param>
    /// <param name="cluster">The local cluster to start (two collectors or more, so that senders fail over while one is dead).</param>
    /// <param name="inventory">The network.</param>
    /// <param name="ownerPid">This process's ID, written to cluster.json (so that <c>ops cluster down</c> can stop a run).</param>
    /// <param name="progress">One line per step.</param>
    /// <param name="cancellationToken">Cancels the run; the cluster is brought down.</param>
    /// <exception cref="QuanetException">The options have problems, or the cluster did not start.</exception>
    public static async Task<ChaosReport> RunAsync(ChaosOptions options, LocalClusterOptions cluster, NetworkInventory inventory, int ownerPid,
        IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(cluster);
        if (options.Problems().Concat(cluster.Problems()) is var problems && problems.Any())
        {
            throw new QuanetException(string.Join("; ", problems));
        }

        // the storm is simulated while the cluster starts
        var simulating = ChaosStorm.SimulateAsync(inventory, options.Seed, options.Events, cancellationToken);
        LocalCluster local;
        try
        {
            local = await LocalCluster.StartAsync(cluster, inventory, progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await simulating.ContinueWith(_ => { }, TaskScheduler.Default).ConfigureAwait(false);
            throw;
        }

        await using var owned = local;
        await local.WriteStateAsync(ownerPid, null, cancellationToken).ConfigureAwait(false);
        var storm = await simulating.ConfigureAwait(false);
        progress?.Report($"storm: {storm.Events.Count} events over {storm.Hours:0} simulated hours, {storm.Events.Select(e => e.Region).Distinct().Count()} regions");
        var run = new ChaosRun(options, local, storm, progress);
        return await run.ExecuteAsync(inventory, ownerPid, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ChaosReport> ExecuteAsync(NetworkInventory inventory, int ownerPid, CancellationToken cancellationToken)
    {
        using var stopSampling = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var timeline = new AppliedTimeline(_cluster.ConnectionString, _clock);
        using var handler = new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) };
        using var http = new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
        var authorization = StormSender.Basic(_options.KeyName, _options.KeySecret);
        var senders = Enumerable.Range(0, _options.Senders).Select(i => new StormSender(i, _cluster.CollectorUrls, authorization, http, _clock)).ToList();
        var shares = Shares();
        _clock.Start();
        var sampling = timeline.RunAsync(stopSampling.Token);
        var sending = SendAsync(senders, shares, cancellationToken);
        var killing = KillAllAsync(ownerPid, sending, stopSampling.Token);
        try
        {
            await sending.ConfigureAwait(false);
        }
        catch
        {
            await stopSampling.CancelAsync().ConfigureAwait(false);
            throw;
        }

        var sendSeconds = _sent.IsEmpty ? 0 : _sent.Max(r => r.Acknowledged);
        _progress?.Report($"sent: {_acknowledged} events acknowledged in {sendSeconds:0.0} s");
        var restarts = await killing.ConfigureAwait(false);
        var applySeconds = await WaitAppliedAsync(timeline, cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(restarts).ConfigureAwait(false);
        await _cluster.WriteStateAsync(ownerPid, null, cancellationToken).ConfigureAwait(false);
        await stopSampling.CancelAsync().ConfigureAwait(false);
        await sampling.ConfigureAwait(false);
        _progress?.Report($"applied: {timeline.Total} events after {applySeconds:0.0} s");
        return await OutcomeAsync(inventory, timeline, senders.Sum(s => s.Retries), sendSeconds, applySeconds, cancellationToken).ConfigureAwait(false);
    }

    // the senders step through the storm's event time together (ChaosOptions.Step)
    private async Task SendAsync(List<StormSender> senders, List<StormEvent>[] shares, CancellationToken cancellationToken)
    {
        var step = (long)_options.Step.TotalMicroseconds;
        var start = _storm.Events.Count == 0 ? 0 : _storm.Events.Min(e => e.Micros);
        var steps = shares.Select(share => StepsOf(share, start, step)).ToList();
        foreach (var k in steps.SelectMany(s => s.Keys).Distinct().Order())
        {
            await Task.WhenAll(senders.Select((s, i) => steps[i].TryGetValue(k, out var events)
                ? s.RunAsync(events, _options.BatchEvents, Acknowledge, cancellationToken)
                : Task.CompletedTask)).ConfigureAwait(false);
        }
    }

    // a share's events by step, in the share's (the storm's) order: an event a little out of time order goes with the step
    // before it rather than ahead of the events sent before it
    private static Dictionary<long, List<StormEvent>> StepsOf(List<StormEvent> share, long start, long step)
    {
        var steps = new Dictionary<long, List<StormEvent>>();
        var current = long.MinValue;
        foreach (var e in share)
        {
            current = Math.Max(current, (e.Micros - start) / step);
            (steps.TryGetValue(current, out var list) ? list : steps[current] = []).Add(e);
        }

        return steps;
    }

    private void Acknowledge(SentRequest request)
    {
        _sent.Enqueue(request);
        Interlocked.Add(ref _acknowledged, request.Events);
    }

    // each sender owns whole regions (in turn by size), so every region's events go out in the storm's order
    private List<StormEvent>[] Shares()
    {
        var shares = Enumerable.Range(0, _options.Senders).Select(_ => new List<StormEvent>()).ToArray();
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        var sizes = new long[shares.Length];
        foreach (var region in _storm.Events.GroupBy(e => e.Region, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var smallest = Array.IndexOf(sizes, sizes.Min());
            owner[region.Key] = smallest;
            sizes[smallest] += region.Count();
        }

        foreach (var e in _storm.Events)
        {
            shares[owner[e.Region]].Add(e);
        }

        return shares;
    }

    /// <summary>Waits until the region grains applied as many events as were acknowledged, or made no progress for the stall timeout; returns the seconds since the first request.</summary>
    private async Task<double> WaitAppliedAsync(AppliedTimeline timeline, CancellationToken cancellationToken)
    {
        var last = -1L;
        var since = _clock.Elapsed;

        // each acknowledged event is applied once in every region it was published to
        var expected = _sent.Sum(r => (long)r.Regions.Values.Sum());
        while (timeline.Total < expected)
        {
            if (timeline.Total != last)
            {
                last = timeline.Total;
                since = _clock.Elapsed;
            }
            else if (_clock.Elapsed - since > _options.StallTimeout)
            {
                _progress?.Report($"applied: no progress for {_options.StallTimeout.TotalSeconds:0} s at {last} of {expected} events and copies; giving up the wait");
                break;
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }

        return _clock.Elapsed.TotalSeconds;
    }
}
