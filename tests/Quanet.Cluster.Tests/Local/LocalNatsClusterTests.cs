using Quanet.Cluster.Local;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Local;

public sealed class LocalNatsClusterTests
{
    [NatsFact]
    public async Task Three_nodes_form_one_JetStream_cluster_and_a_killed_node_rejoins_with_its_store()
    {
        using var folder = new ClusterFolder();
        await using var cluster = await LocalNatsCluster.StartAsync(NatsFactAttribute.Program!, folder.Path, 3, CancellationToken.None);
        var node = cluster.Nodes[1];
        var config = await File.ReadAllTextAsync(Path.Combine(folder.Path, "nats", "n2", "nats.conf"));

        await node.KillAsync();
        Assert.False(node.IsRunning);
        node.Start();
        await cluster.WaitForLeaderAsync(TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(3, cluster.Urls.Distinct().Count());
        Assert.True(node.IsRunning);
        Assert.Contains("name: quanet-ops", config, StringComparison.Ordinal);
        Assert.Contains($"listen: 127.0.0.1:{node.ClientPort}", config, StringComparison.Ordinal);
        Assert.Contains($"store_dir: \"{Path.Combine(folder.Path, "nats", "n2", "store")}\"", config, StringComparison.Ordinal);
        Assert.True(Directory.Exists(Path.Combine(folder.Path, "nats", "n2", "store", "jetstream")));
    }

    [Fact]
    public void A_missing_nats_server_is_reported_with_how_to_install_it()
    {
        Assert.Equal("nats-server not found on PATH or in /usr/sbin, /usr/bin, /usr/local/bin: install it (Debian: apt-get install nats-server)", NatsServerProgram.MissingMessage);
    }
}
