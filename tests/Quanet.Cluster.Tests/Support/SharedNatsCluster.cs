namespace Quanet.Cluster.Tests.Support;

/// <summary>
/// One 3-node cluster for the tests of a class that do not kill nodes; each test uses its own regions. Nothing is
/// started on a machine without nats-server (the tests are skipped there).
/// </summary>
public sealed class SharedNatsCluster : IAsyncLifetime
{
    private NatsCluster? _cluster;

    internal NatsCluster Cluster => _cluster ?? throw new InvalidOperationException("nats-server is missing");

    public async Task InitializeAsync()
    {
        if (NatsFactAttribute.Program is not null)
        {
            _cluster = await NatsCluster.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
