using System.Globalization;
using System.Text.Json;
using Quanet.Core;

namespace Quanet.Cluster.Local;

// cluster.json: what `quanet ops cluster down` (another process) needs to stop a local cluster.
public sealed partial class LocalCluster
{
    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>The cluster's processes, ports and database as <c>cluster.json</c> holds them.</summary>
    /// <param name="ownerPid">The process that started the cluster.</param>
    /// <param name="keyFile">The file holding the operator key's secret, or null.</param>
    public ClusterState State(int ownerPid, string? keyFile) => new()
    {
        OwnerPid = ownerPid,
        Nats = [.. Nats.Nodes.Select(n => new ProcessEntry(n.Name, n.ProcessId ?? 0, "nats-server", n.Url,
            new Dictionary<string, int>(StringComparer.Ordinal) { ["route"] = n.RoutePort, ["monitor"] = n.MonitorPort }))],
        Silos = [.. Silos.Select((s, i) => new ProcessEntry(s.Name, s.ProcessId ?? 0, "quanet", string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{SiloPorts[i].Silo}"),
            new Dictionary<string, int>(StringComparer.Ordinal) { ["gateway"] = SiloPorts[i].Gateway }))],
        Collectors = [.. Collectors.Select((c, i) => new ProcessEntry(c.Name, c.ProcessId ?? 0, "quanet", CollectorUrls[i].ToString(), new Dictionary<string, int>()))],
        PostgresPort = Postgres.Port,
        PostgresData = Postgres.DataFolder,
        PostgresConnection = ConnectionString,
        KeyFile = keyFile,
    };

    /// <summary>Writes <see cref="State"/> to <c>DATA/cluster.json</c> (again after a restart changed a process ID).</summary>
    public async Task WriteStateAsync(int ownerPid, string? keyFile, CancellationToken cancellationToken)
    {
        var path = StatePath(Path.GetFullPath(Options.DataDirectory));
        await File.WriteAllTextAsync(path + ".tmp", JsonSerializer.Serialize(State(ownerPid, keyFile), Json), cancellationToken).ConfigureAwait(false);
        File.Move(path + ".tmp", path, overwrite: true);
    }

    /// <summary>
    /// Stops the local cluster recorded in <paramref name="dataDirectory"/>/cluster.json from another process: asks the
    /// owner to stop it (SIGTERM) and waits, then stops every listed process still alive (SIGTERM, SIGKILL after
    /// <paramref name="grace"/>), stops PostgreSQL and removes cluster.json.
    /// </summary>
    /// <returns>The processes that were still running and were stopped here (the owner counted).</returns>
    /// <exception cref="QuanetException">No cluster.json in the folder.</exception>
    public static async Task<int> DownAsync(string dataDirectory, PostgresPrograms postgres, TimeSpan grace, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var data = Path.GetFullPath(dataDirectory);
        var state = ReadState(data) ?? throw new QuanetException($"no local cluster in {data} (no cluster.json): nothing to stop");
        var stopped = 0;
        if (Signals.IsAlive(state.OwnerPid, "quanet"))
        {
            Signals.Terminate(state.OwnerPid);
            stopped++;
            await WaitGoneAsync(state.OwnerPid, "quanet", TimeSpan.FromSeconds(90), cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in new[] { state.Collectors, state.Silos, state.Nats })
        {
            var alive = group.Where(p => p.Pid > 0 && Signals.IsAlive(p.Pid, p.Program)).ToList();
            foreach (var p in alive)
            {
                Signals.Terminate(p.Pid);
            }

            foreach (var p in alive)
            {
                if (!await WaitGoneAsync(p.Pid, p.Program, grace, cancellationToken).ConfigureAwait(false))
                {
                    Kill(p.Pid);
                    await WaitGoneAsync(p.Pid, p.Program, TimeSpan.FromSeconds(5), cancellationToken).ConfigureAwait(false);
                }

                stopped++;
            }
        }

        await LocalPostgres.StopAsync(postgres, state.PostgresData, cancellationToken).ConfigureAwait(false);
        File.Delete(StatePath(data));
        return stopped;
    }

    /// <summary>The cluster recorded in <paramref name="dataDirectory"/>, or null when none is.</summary>
    /// <exception cref="QuanetException">cluster.json is not readable as such.</exception>
    public static ClusterState? ReadState(string dataDirectory)
    {
        var path = StatePath(Path.GetFullPath(dataDirectory));
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<ClusterState>(File.ReadAllText(path), Json)
                ?? throw new QuanetException($"{path}: empty");
        }
        catch (JsonException ex)
        {
            throw new QuanetException($"{path}: not a cluster.json written by quanet ({ex.Message})");
        }
    }

    private static string StatePath(string data) => Path.Combine(data, "cluster.json");

    private static void Kill(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // gone already
        }
    }

    private static async Task<bool> WaitGoneAsync(int pid, string program, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (Signals.IsAlive(pid, program))
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(100, cancellationToken).ConfigureAwait(false);
        }

        return true;
    }
}
