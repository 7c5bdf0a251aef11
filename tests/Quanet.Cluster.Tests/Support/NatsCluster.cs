using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Local;

namespace Quanet.Cluster.Tests.Support;

/// <summary>A fresh 3-node JetStream cluster in a temporary folder and the ingestion log on it; stopped and deleted on dispose.</summary>
internal sealed class NatsCluster : IAsyncDisposable
{
    private readonly ClusterFolder _folder;

    private NatsCluster(ClusterFolder folder, LocalNatsCluster cluster, JetStreamEventLog log)
    {
        _folder = folder;
        Cluster = cluster;
        Log = log;
    }

    public LocalNatsCluster Cluster { get; }

    public JetStreamEventLog Log { get; }

    public string DataDirectory => _folder.Path;

    public static async Task<NatsCluster> StartAsync(int nodes = 3, int replicas = 3)
    {
        var folder = new ClusterFolder();
        var cluster = await LocalNatsCluster.StartAsync(NatsFactAttribute.Program!, folder.Path, nodes, CancellationToken.None);
        var log = await JetStreamEventLog.OpenAsync(Options(cluster, replicas), CancellationToken.None);
        return new NatsCluster(folder, cluster, log);
    }

    public static EventLogOptions Options(LocalNatsCluster cluster, int replicas = 3) =>
        new() { Urls = cluster.Urls, Replicas = replicas };

    public async ValueTask DisposeAsync()
    {
        await Log.DisposeAsync();
        await Cluster.DisposeAsync();
        _folder.Dispose();
    }
}
