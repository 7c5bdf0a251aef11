using System.Globalization;
using Npgsql;
using Quanet.Core;

namespace Quanet.Cluster.Local;

// The quanet processes of a local cluster: silos and collectors, and how to tell that they are ready.
public sealed partial class LocalCluster
{
    /// <summary>Silos active in the Orleans membership table (status 3, Active) of the cluster's database.</summary>
    public async Task<int> ActiveSilosAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand("SELECT count(*) FROM orleansmembershiptable WHERE deploymentid = @id AND status = 3", connection);
        command.Parameters.AddWithValue("id", ClusterNames.ClusterId);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until <paramref name="count"/> silos are active in the membership table.</summary>
    /// <exception cref="QuanetException">Not within <paramref name="timeout"/>.</exception>
    public async Task WaitForSilosAsync(int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (await ActiveSilosAsync(cancellationToken).ConfigureAwait(false) < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new QuanetException($"fewer than {count} silos joined the cluster within {timeout.TotalSeconds:0} s (logs in {Path.Combine(Options.DataDirectory, "logs")})");
            }

            await Task.Delay(250, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Starts <paramref name="process"/> again after a kill (same ports, arguments and log file) and waits until it is ready.</summary>
    public Task RestartAsync(LocalProcess process, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(process);
        return process.StartAsync(Options.StartTimeout, cancellationToken);
    }

    // the meta leader may be elected before every server is a known peer: until then an R3 stream has "no suitable
    // peers for placement"; the stream is created here, once, before any silo or collector opens it
    private async Task CreateStreamAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                await using var log = await Ingestion.JetStreamEventLog.OpenAsync(new Ingestion.EventLogOptions { Urls = Nats.Urls, Replicas = Options.Replicas }, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Ingestion.EventLogUnavailableException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task StartSilosAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var urls = string.Join(',', Nats.Urls);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal) { [PostgresVariable] = ConnectionString };
        var silos = new List<LocalProcess>();
        var ports = new List<(int, int)>();
        var command = Options.SiloNice > 0 ? Options.Quanet.Niced(Options.SiloNice) : Options.Quanet;
        for (var i = 1; i <= Options.Silos; i++)
        {
            var (silo, gateway) = (ProgramLocator.FreePort(), ProgramLocator.FreePort());
            ports.Add((silo, gateway));
            silos.Add(new LocalProcess(Name("silo", i), command,
            [
                "ops", "silo", "--postgres-env", PostgresVariable, "--inventory", InventoryPath, "--nats", urls,
                "--replicas", Text(Options.Replicas), "--silo-port", Text(silo), "--gateway-port", Text(gateway),
            ], environment, LogPath(Name("silo", i)), "silo listening on"));
        }

        Silos = silos;
        SiloPorts = ports;
        // the schema is applied already: the silos can join together
        await Task.WhenAll(silos.Select(s => s.StartAsync(Options.StartTimeout, cancellationToken))).ConfigureAwait(false);
        await WaitForSilosAsync(Options.Silos, Options.StartTimeout, cancellationToken).ConfigureAwait(false);
        progress?.Report($"silos: {Options.Silos} joined ({string.Join(", ", ports.Select(p => $"127.0.0.1:{Text(p.Item1)}"))})");
    }

    private async Task StartCollectorsAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var urls = string.Join(',', Nats.Urls);
        var collectors = new List<LocalProcess>();
        var addresses = new List<Uri>();
        for (var i = 1; i <= Options.Collectors; i++)
        {
            var port = i == 1 && Options.CollectorListen.Port != 0 ? Options.CollectorListen.Port : ProgramLocator.FreePort();
            var listen = string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port}");
            addresses.Add(new Uri($"http://{listen}/"));
            collectors.Add(new LocalProcess(Name("collector", i), Options.Quanet,
            [
                "ops", "collector", "--nats", urls, "--inventory", InventoryPath, "--credentials", Options.CredentialsPath,
                "--listen", listen, "--replicas", Text(Options.Replicas), "--bundle", Text(Options.Bundle),
            ], new Dictionary<string, string>(), LogPath(Name("collector", i)), "listening on"));
        }

        Collectors = collectors;
        CollectorUrls = addresses;
        await Task.WhenAll(collectors.Select(c => c.StartAsync(Options.StartTimeout, cancellationToken))).ConfigureAwait(false);
        progress?.Report($"collectors: {string.Join(", ", addresses)}");
    }

    private string LogPath(string name) => Path.Combine(Path.GetFullPath(Options.DataDirectory), "logs", name + ".log");

    private static string Name(string kind, int i) => string.Create(CultureInfo.InvariantCulture, $"{kind}-{i}");

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
