using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Processing;
using Quanet.Core;
using Quanet.Operations.Action;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Silo;

/// <summary>
/// A silo of the operations cluster: Orleans with membership (clustering), grain state and reminders in
/// PostgreSQL through the ADO.NET providers, the region and runbook grains, and the cluster's network adapter.
/// </summary>
public static class OperationsSilo
{
    /// <summary>The name of the grain storage provider (PostgreSQL) the grains keep their state in.</summary>
    public const string StorageName = "quanet";

    /// <summary>The ADO.NET invariant name of Npgsql, as the Orleans providers expect it.</summary>
    internal const string Invariant = "Npgsql";

    /// <summary>Builds a silo host (not started); apply <see cref="ClusterSchema"/> to the database first.</summary>
    /// <param name="options">Database, endpoints and failure detection.</param>
    /// <param name="inventory">The network the grains correlate over.</param>
    /// <param name="log">The JetStream ingestion log the region grains consume, or null (events come only through grain calls).</param>
    /// <param name="configure">Adds or replaces services (tests, hosts' logging).</param>
    /// <exception cref="QuanetException">The options have problems (all listed).</exception>
    public static IHost Build(SiloOptions options, NetworkInventory inventory, JetStreamEventLog? log = null, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(inventory);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new QuanetException(string.Join("; ", problems));
        }

        // no defaults: a library reads neither the environment nor configuration files
        var builder = new HostApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton(_ => NpgsqlDataSource.Create(options.PostgresConnectionString));
        builder.Services.AddSingleton(sp => new ClusterContext(
            inventory, RunbookCatalog.Defaults(), sp.GetRequiredService<NpgsqlDataSource>(),
            options.ScratchFolder ?? Path.GetTempPath(), options.ReminderPeriod));
        builder.Services.AddSingleton<ClusterNetwork>();
        builder.Services.AddSingleton<RunbookFaults>();
        if (log is not null)
        {
            builder.Services.AddSingleton(sp => new RegionFeed(
                new RegionConsumer(log) { Logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger<RegionConsumer>() },
                TopologyRegions.FromInventory(inventory).AllRegions));
            builder.Services.AddHostedService<RegionKeeper>();
        }

        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = ClusterNames.ClusterId;
                o.ServiceId = ClusterNames.ClusterId;
            });
            silo.ConfigureEndpoints(options.Address, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: false);
            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = options.PostgresConnectionString;
            });
            silo.AddAdoNetGrainStorage(StorageName, o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = options.PostgresConnectionString;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = Invariant;
                o.ConnectionString = options.PostgresConnectionString;
            });
            silo.Configure<ReminderOptions>(o => o.MinimumReminderPeriod = options.ReminderPeriod);
            silo.Configure<ClusterMembershipOptions>(o =>
            {
                o.ProbeTimeout = options.ProbeTimeout;
                o.NumMissedProbesLimit = options.MissedProbes;
                o.NumVotesForDeathDeclaration = options.DeathVotes;
                o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
            });
        });
        configure?.Invoke(builder.Services);
        return builder.Build();
    }

    /// <summary>Applies the schema, runs a silo until <paramref name="cancellationToken"/> fires, then stops it gracefully.</summary>
    /// <param name="options">Database, endpoints and failure detection.</param>
    /// <param name="inventory">The network the grains correlate over.</param>
    /// <param name="eventLog">The JetStream log to consume (the NATS servers), or null.</param>
    /// <param name="started">Called once the silo has joined the cluster.</param>
    /// <param name="cancellationToken">Stops the silo.</param>
    /// <param name="configure">Adds or replaces services (the host's logging).</param>
    /// <exception cref="QuanetException">The options have problems, or the database cannot be reached.</exception>
    public static async Task RunAsync(SiloOptions options, NetworkInventory inventory, EventLogOptions? eventLog, Action? started, CancellationToken cancellationToken,
        Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Problems() is { Count: > 0 } problems)
        {
            throw new QuanetException(string.Join("; ", problems));
        }

        try
        {
            await ClusterSchema.ApplyAsync(options.PostgresConnectionString, cancellationToken);
        }
        catch (NpgsqlException ex)
        {
            throw new QuanetException($"the cluster's PostgreSQL database cannot be used: {ex.Message}");
        }

        await using var log = eventLog is null ? null : await JetStreamEventLog.OpenAsync(eventLog, cancellationToken);
        using var host = Build(options, inventory, log, configure);
        await host.StartAsync(cancellationToken);
        started?.Invoke();
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // the normal end: stop below
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await host.StopAsync(grace.Token);
    }
}
