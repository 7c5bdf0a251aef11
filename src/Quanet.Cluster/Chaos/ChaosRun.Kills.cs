using System.Globalization;

namespace Quanet.Cluster.Chaos;

// Where the kills fall (seeded) and how a killed process comes back.
public sealed partial class ChaosRun
{
    private sealed record PlannedKill(ChaosKind Kind, int Victim, double Fraction);

    /// <summary>
    /// The kills of a run: the kinds in a seeded order, kill k when a seeded fraction of the storm in the k-th of
    /// equal windows of [0.1, 0.7] is acknowledged (so every kill finds requests still to send), the victim drawn
    /// among the processes of its kind.
    /// </summary>
    private IReadOnlyList<PlannedKill> Plan()
    {
        var random = new Random(_options.Seed);
        var kinds = _options.Kills.ToArray();
        random.Shuffle(kinds);
        var width = 0.6 / Math.Max(1, kinds.Length);
        var plan = new List<PlannedKill>();
        for (var k = 0; k < kinds.Length; k++)
        {
            var count = kinds[k] switch
            {
                ChaosKind.Silo => _cluster.Silos.Count,
                ChaosKind.Nats => _cluster.Nats.Nodes.Count,
                _ => _cluster.Collectors.Count,
            };
            plan.Add(new PlannedKill(kinds[k], random.Next(count), 0.1 + (width * k) + (width * (0.2 + (0.6 * random.NextDouble())))));
        }

        return plan;
    }

    /// <summary>Kills each planned process when its point is reached; returns the restarts still running.</summary>
    private async Task<List<Task>> KillAllAsync(int ownerPid, Task sending, CancellationToken cancellationToken)
    {
        var restarts = new List<Task>();
        foreach (var kill in Plan())
        {
            var at = (long)(kill.Fraction * _storm.Events.Count);
            while (Interlocked.Read(ref _acknowledged) < at && !sending.IsCompleted)
            {
                await Task.Delay(10, cancellationToken).ConfigureAwait(false);
            }

            var (name, stop, start) = Victim(kill, cancellationToken);
            await stop().ConfigureAwait(false);
            var killedAt = _clock.Elapsed.TotalSeconds;
            var index = _kills.Count;
            lock (_kills)
            {
                _kills.Add(new ChaosKill
                {
                    Kind = Name(kill.Kind),
                    Victim = name,
                    AtEvent = Interlocked.Read(ref _acknowledged),
                    KilledAtSeconds = Round(killedAt),
                    RecoverySeconds = 0,
                });
            }

            _progress?.Report(string.Create(CultureInfo.InvariantCulture, $"kill -9 {name} at {killedAt:0.0} s ({_kills[index].AtEvent} events acknowledged)"));
            restarts.Add(RestartAsync(index, name, start, ownerPid, cancellationToken));
        }

        return restarts;
    }

    private async Task RestartAsync(int index, string name, Func<Task> start, int ownerPid, CancellationToken cancellationToken)
    {
        await Task.Delay(_options.DownTime, cancellationToken).ConfigureAwait(false);
        await start().ConfigureAwait(false);
        var ready = _clock.Elapsed.TotalSeconds;
        lock (_kills)
        {
            _kills[index] = _kills[index] with { RestartedAtSeconds = Round(ready) };
        }

        _progress?.Report(string.Create(CultureInfo.InvariantCulture, $"{name} running again at {ready:0.0} s"));
        await _cluster.WriteStateAsync(ownerPid, null, cancellationToken).ConfigureAwait(false);
    }

    private (string Name, Func<Task> Kill, Func<Task> Start) Victim(PlannedKill kill, CancellationToken cancellationToken)
    {
        switch (kill.Kind)
        {
            case ChaosKind.Nats:
                var node = _cluster.Nats.Nodes[kill.Victim];
                return (node.Name, node.KillAsync, () =>
                {
                    node.Start();
                    return Task.CompletedTask;
                }
                );
            case ChaosKind.Silo:
                var silo = _cluster.Silos[kill.Victim];
                return (silo.Name, silo.KillAsync, () => _cluster.RestartAsync(silo, cancellationToken));
            default:
                var collector = _cluster.Collectors[kill.Victim];
                return (collector.Name, collector.KillAsync, () => _cluster.RestartAsync(collector, cancellationToken));
        }
    }

    private static string Name(ChaosKind kind) => kind switch
    {
        ChaosKind.Silo => "silo",
        ChaosKind.Nats => "nats",
        _ => "collector",
    };

    private static double Round(double seconds) => Math.Round(seconds, 2);
}
