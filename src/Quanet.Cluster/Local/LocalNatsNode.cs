using System.Diagnostics;
using System.Globalization;

namespace Quanet.Cluster.Local;

/// <summary>
/// One nats-server process of a local JetStream cluster: its configuration file, store and log under its own folder,
/// its client, route and monitoring ports on 127.0.0.1. It can be killed (SIGKILL) and started again on the same
/// ports and store.
/// </summary>
public sealed class LocalNatsNode
{
    private readonly string _program;
    private Process? _process;

    internal LocalNatsNode(string program, string name, string folder, int clientPort, int routePort, int monitorPort)
    {
        _program = program;
        Name = name;
        Folder = folder;
        ClientPort = clientPort;
        RoutePort = routePort;
        MonitorPort = monitorPort;
    }

    /// <summary>The server name (<c>n1</c>, <c>n2</c>, ...).</summary>
    public string Name { get; }

    /// <summary>The node's folder: <c>nats.conf</c>, <c>store/</c>, <c>nats.log</c>, <c>nats.pid</c>.</summary>
    public string Folder { get; }

    /// <summary>The client port on 127.0.0.1.</summary>
    public int ClientPort { get; }

    /// <summary>The cluster route port on 127.0.0.1.</summary>
    public int RoutePort { get; }

    /// <summary>The HTTP monitoring port on 127.0.0.1 (<c>/jsz</c>, <c>/healthz</c>).</summary>
    public int MonitorPort { get; }

    /// <summary>The client URL, <c>nats://127.0.0.1:PORT</c>.</summary>
    public string Url => string.Create(CultureInfo.InvariantCulture, $"nats://127.0.0.1:{ClientPort}");

    /// <summary>The process ID while running, else null.</summary>
    public int? ProcessId => _process is { HasExited: false } p ? p.Id : null;

    /// <summary>Whether the process was started at least once.</summary>
    public bool WasStarted => _process is not null;

    /// <summary>Whether the process was killed or stopped on purpose (and not started since).</summary>
    public bool IsStopped { get; private set; }

    /// <summary>Whether the process runs.</summary>
    public bool IsRunning => _process is { HasExited: false };

    internal string ConfigPath => Path.Combine(Folder, "nats.conf");

    internal string PidPath => Path.Combine(Folder, "nats.pid");

    internal void WriteConfig(string clusterName, IEnumerable<int> routePorts, long maxFileStoreBytes)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "store"));
        var routes = string.Join(", ", routePorts.Select(p => string.Create(CultureInfo.InvariantCulture, $"\"nats-route://127.0.0.1:{p}\"")));
        // a single server runs JetStream standalone: a cluster block without routes is refused
        var cluster = routes.Length == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $$"""
            cluster {
              name: {{clusterName}}
              listen: 127.0.0.1:{{RoutePort}}
              routes: [{{routes}}]
            }
            """);
        var config = string.Create(CultureInfo.InvariantCulture, $$"""
            # written by quanet: one node of a local JetStream cluster on 127.0.0.1
            server_name: {{Name}}
            listen: 127.0.0.1:{{ClientPort}}
            http: 127.0.0.1:{{MonitorPort}}
            pid_file: "{{Path.Combine(Folder, "nats.pid")}}"
            log_file: "{{Path.Combine(Folder, "nats.log")}}"
            max_payload: 8MB
            jetstream {
              store_dir: "{{Path.Combine(Folder, "store")}}"
              max_memory_store: 256MB
              max_file_store: {{maxFileStoreBytes}}
            }
            {{cluster}}

            """);
        File.WriteAllText(ConfigPath, config);
    }

    /// <summary>Starts the process (again, on the same ports and store after a kill).</summary>
    /// <exception cref="InvalidOperationException">It runs already.</exception>
    public void Start()
    {
        if (IsRunning)
        {
            throw new InvalidOperationException($"nats-server {Name} runs already");
        }

        var info = new ProcessStartInfo(_program) { UseShellExecute = false, RedirectStandardOutput = false, RedirectStandardError = false };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(ConfigPath);
        IsStopped = false;
        _process = Process.Start(info) ?? throw new InvalidOperationException($"nats-server {Name} did not start");
    }

    /// <summary>Kills the process with SIGKILL, as a dead machine would stop it (no shutdown, no flush), and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        IsStopped = true;
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the process gently (SIGTERM; SIGKILL after <paramref name="grace"/>) and waits until it is gone.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        IsStopped = true;
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        using (Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
        }

        using var timeout = new CancellationTokenSource(grace);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            await KillAsync().ConfigureAwait(false);
        }
    }
}
