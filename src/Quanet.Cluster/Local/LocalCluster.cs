using System.Globalization;
using Quanet.Core;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Local;

/// <summary>
/// A whole operations cluster on this machine (<c>quanet ops cluster up</c>, <c>quanet ops chaos</c>): a JetStream
/// cluster of nats-server processes, a throw-away PostgreSQL, silos and collectors as <c>quanet</c> processes, all on
/// 127.0.0.1 with their data, logs and <c>cluster.json</c> under one folder. Processes can be killed with SIGKILL and
/// started again on the same ports; <see cref="DisposeAsync"/> stops everything.
/// </summary>
public sealed partial class LocalCluster : IAsyncDisposable
{
    private const string PostgresVariable = "QUANET_CLUSTER_PG";
    private bool _disposed;

    private LocalCluster(LocalClusterOptions options, LocalNatsCluster nats, LocalPostgres postgres, string inventoryPath)
    {
        Options = options;
        Nats = nats;
        Postgres = postgres;
        InventoryPath = inventoryPath;
    }

    /// <summary>The options it was started with.</summary>
    public LocalClusterOptions Options { get; }

    /// <summary>The NATS servers.</summary>
    public LocalNatsCluster Nats { get; }

    /// <summary>The PostgreSQL server.</summary>
    public LocalPostgres Postgres { get; }

    /// <summary>The connection string of the cluster's database.</summary>
    public string ConnectionString => Postgres.ConnectionString();

    /// <summary>The inventory file every silo and collector reads (<c>DATA/inventory.json</c>).</summary>
    public string InventoryPath { get; }

    /// <summary>The silo processes.</summary>
    public IReadOnlyList<LocalProcess> Silos { get; private set; } = [];

    /// <summary>The collector processes, in the order of <see cref="CollectorUrls"/>.</summary>
    public IReadOnlyList<LocalProcess> Collectors { get; private set; } = [];

    /// <summary>Each collector's base address (<c>http://127.0.0.1:PORT/</c>).</summary>
    public IReadOnlyList<Uri> CollectorUrls { get; private set; } = [];

    private IReadOnlyList<(int Silo, int Gateway)> SiloPorts { get; set; } = [];

    /// <summary>
    /// Starts the cluster: NATS (waits for the JetStream meta leader), PostgreSQL (schema applied), the silos (waits
    /// until each is active in the membership table), then the collectors (waits until each listens). On any failure
    /// everything started so far is stopped.
    /// </summary>
    /// <param name="options">What to start.</param>
    /// <param name="inventory">The network the silos correlate over and the collectors partition by.</param>
    /// <param name="progress">Receives one line per step (<c>nats: 3 servers ...</c>).</param>
    /// <param name="cancellationToken">Cancels the start; what was started is stopped.</param>
    /// <exception cref="QuanetException">The options have problems, or a process did not start (the message holds its log's tail).</exception>
    public static async Task<LocalCluster> StartAsync(LocalClusterOptions options, NetworkInventory inventory, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inventory);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new QuanetException(string.Join("; ", problems));
        }

        var data = Path.GetFullPath(options.DataDirectory);
        Directory.CreateDirectory(data);
        if (ReadState(data) is { } running && Signals.IsAlive(running.OwnerPid, "quanet"))
        {
            throw new QuanetException($"a local cluster runs in {data} already (process {running.OwnerPid}): `quanet ops cluster down --data {data}` stops it");
        }

        var inventoryPath = Path.Combine(data, "inventory.json");
        await File.WriteAllTextAsync(inventoryPath, InventoryJson.Write(inventory), cancellationToken).ConfigureAwait(false);
        var nats = await LocalNatsCluster.StartAsync(options.NatsServer, data, options.NatsNodes, cancellationToken).ConfigureAwait(false);
        progress?.Report($"nats: {options.NatsNodes} servers, JetStream leader elected ({string.Join(",", nats.Urls)})");
        LocalPostgres? postgres = null;
        try
        {
            postgres = await LocalPostgres.StartAsync(options.Postgres, data, cancellationToken).ConfigureAwait(false);
            await Silo.ClusterSchema.ApplyAsync(postgres.ConnectionString(), cancellationToken).ConfigureAwait(false);
            progress?.Report(string.Create(CultureInfo.InvariantCulture, $"postgres: 127.0.0.1:{postgres.Port}, schema applied"));
        }
        catch
        {
            await nats.DisposeAsync().ConfigureAwait(false);
            if (postgres is not null)
            {
                await postgres.StopAsync(CancellationToken.None).ConfigureAwait(false);
            }

            throw;
        }

        var cluster = new LocalCluster(options, nats, postgres, inventoryPath);
        try
        {
            await cluster.CreateStreamAsync(cancellationToken).ConfigureAwait(false);
            await cluster.StartSilosAsync(progress, cancellationToken).ConfigureAwait(false);
            await cluster.StartCollectorsAsync(progress, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await cluster.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return cluster;
    }

    /// <summary>
    /// Stops every process (collectors and silos gracefully with SIGTERM, then the NATS servers, then PostgreSQL) and
    /// removes <c>cluster.json</c>; the data stays. Safe to call twice.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await Task.WhenAll(Collectors.Select(c => c.StopAsync(TimeSpan.FromSeconds(10)))).ConfigureAwait(false);
        await Task.WhenAll(Silos.Select(s => s.StopAsync(TimeSpan.FromSeconds(30)))).ConfigureAwait(false);
        await Nats.DisposeAsync().ConfigureAwait(false);
        try
        {
            await Postgres.StopAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (QuanetException)
        {
            // stopped already (a Ctrl+C in the terminal reaches PostgreSQL too)
        }

        File.Delete(StatePath(Path.GetFullPath(Options.DataDirectory)));
    }
}
