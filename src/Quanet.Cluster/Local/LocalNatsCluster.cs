using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Quanet.Core;

namespace Quanet.Cluster.Local;

/// <summary>
/// A JetStream cluster of nats-server processes on 127.0.0.1 (for <c>quanet ops cluster up</c>, the chaos benchmark
/// and tests): node <c>nK</c> keeps its configuration, store, log and pid file in <c>DATA/nats/nK/</c>.
/// </summary>
public sealed class LocalNatsCluster : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private LocalNatsCluster(IReadOnlyList<LocalNatsNode> nodes) => Nodes = nodes;

    /// <summary>The nodes, <c>n1</c> first.</summary>
    public IReadOnlyList<LocalNatsNode> Nodes { get; }

    /// <summary>Every node's client URL.</summary>
    public IReadOnlyList<string> Urls => [.. Nodes.Select(n => n.Url)];

    /// <summary>
    /// Writes the configuration of <paramref name="nodes"/> servers under <paramref name="dataDirectory"/>/nats, starts
    /// them, and waits until JetStream has a meta leader.
    /// </summary>
    /// <param name="program">The nats-server program (<see cref="NatsServerProgram.Find"/>).</param>
    /// <param name="dataDirectory">The cluster's data folder.</param>
    /// <param name="nodes">Servers, 1 to 9 (3 for a replicated stream that survives one dead node).</param>
    /// <param name="cancellationToken">Cancels the wait; the started servers are stopped.</param>
    /// <exception cref="QuanetException">A server did not start, or no meta leader was elected within 30 s (the message holds the log's tail).</exception>
    public static async Task<LocalNatsCluster> StartAsync(string program, string dataDirectory, int nodes, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(program);
        ArgumentException.ThrowIfNullOrEmpty(dataDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(nodes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodes, 9);
        var list = new List<LocalNatsNode>(nodes);
        for (var i = 1; i <= nodes; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"n{i}");
            list.Add(new LocalNatsNode(program, name, Path.Combine(Path.GetFullPath(dataDirectory), "nats", name), ProgramLocator.FreePort(), ProgramLocator.FreePort(), ProgramLocator.FreePort()));
        }

        var cluster = new LocalNatsCluster(list);
        foreach (var node in list)
        {
            node.WriteConfig(ClusterNames.ClusterId, list.Where(n => n != node).Select(n => n.RoutePort), 16L * 1024 * 1024 * 1024);
        }

        try
        {
            foreach (var node in list)
            {
                node.Start();
            }

            await cluster.WaitForLeaderAsync(TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    /// <summary>Waits until every running node serves and JetStream has a meta leader.</summary>
    /// <exception cref="QuanetException">Not within <paramref name="timeout"/>.</exception>
    public async Task WaitForLeaderAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var exited = Nodes.FirstOrDefault(n => n.WasStarted && !n.IsRunning && !n.IsStopped);
            if (exited is not null)
            {
                throw new QuanetException($"nats-server {exited.Name} exited: {LogTail(exited)}");
            }

            if (await HasLeaderAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new QuanetException($"the local NATS cluster elected no JetStream leader within {timeout.TotalSeconds:0} s: {LogTail(Nodes[0])}");
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Stops every node (SIGTERM, then SIGKILL after 5 s); the data folder stays.</summary>
    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(Nodes.Select(n => n.StopAsync(TimeSpan.FromSeconds(5)))).ConfigureAwait(false);
    }

    private async Task<bool> HasLeaderAsync(CancellationToken cancellationToken)
    {
        foreach (var node in Nodes.Where(n => n.IsRunning))
        {
            try
            {
                using var jsz = await Http.GetFromJsonAsync<JsonDocument>(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{node.MonitorPort}/jsz"), cancellationToken).ConfigureAwait(false);
                if (jsz is not null && Nodes.Count == 1)
                {
                    // standalone JetStream: no meta group to lead
                    continue;
                }

                if (jsz is null || !jsz.RootElement.TryGetProperty("meta_cluster", out var meta) || !meta.TryGetProperty("leader", out var leader)
                    || string.IsNullOrEmpty(leader.GetString()))
                {
                    return false;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or JsonException)
            {
                return false;
            }
        }

        return true;
    }

    private static string LogTail(LocalNatsNode node)
    {
        var log = Path.Combine(node.Folder, "nats.log");
        if (!File.Exists(log))
        {
            return "no log";
        }

        var lines = File.ReadAllLines(log);
        return string.Join(" | ", lines.Skip(Math.Max(0, lines.Length - 3)));
    }
}
