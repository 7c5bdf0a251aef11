using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Silo;
using Quanet.Operations.Inventory;
using Quanet.Testing.Postgres;

namespace Quanet.Cluster.Tests.Processing.Support;

/// <summary>A silo host in the test process on free 127.0.0.1 ports, which a test can stop abruptly.</summary>
internal sealed class TestSilo : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _connectionString;
    private bool _stopped;

    private TestSilo(IHost host, string connectionString)
    {
        _host = host;
        _connectionString = connectionString;
    }

    public IGrainFactory Grains => _host.Services.GetRequiredService<IGrainFactory>();

    public RunbookFaults Faults => _host.Services.GetRequiredService<RunbookFaults>();

    /// <summary>The silo's identity as grains report it (<c>RuntimeIdentity</c>).</summary>
    public string Identity => _host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress.ToString();

    /// <summary>Starts a silo; <paramref name="reminderPeriod"/> (default 2 s) is how soon the reminders act.</summary>
    public static async Task<TestSilo> StartAsync(string connectionString, NetworkInventory inventory, JetStreamEventLog? log = null, TimeSpan? reminderPeriod = null)
    {
        var host = OperationsSilo.Build(new SiloOptions
        {
            PostgresConnectionString = connectionString,
            SiloPort = HostPrograms.FreePort(),
            GatewayPort = HostPrograms.FreePort(),
            DeathVotes = 1,
            ReminderPeriod = reminderPeriod ?? TimeSpan.FromSeconds(2),
        }, inventory, log);
        await host.StartAsync();
        return new TestSilo(host, connectionString);
    }

    /// <summary>
    /// Stops the silo abruptly: no grain is deactivated, nothing is saved, in-flight work is abandoned; and, as the
    /// kernel does for a killed process, its database sessions end (with them the advisory locks it held).
    /// </summary>
    public async Task KillAsync()
    {
        _stopped = true;
        try
        {
            await _host.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
            // the abrupt stop's own cancellation
        }

        await ClusterDatabase.ExecuteAsync(_connectionString,
            "SELECT pg_terminate_backend(l.pid) FROM pg_locks l WHERE l.locktype = 'advisory' AND l.pid <> pg_backend_pid()");
        _host.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopped)
        {
            return;
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        try
        {
            await _host.StopAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            // took too long: disposed anyway
        }

        _host.Dispose();
    }
}
