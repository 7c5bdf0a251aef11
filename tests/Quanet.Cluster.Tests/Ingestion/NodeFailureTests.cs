using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class NodeFailureTests
{
    [NatsFact]
    public async Task Publishing_continues_when_the_stream_leader_is_killed_and_nothing_acknowledged_is_lost()
    {
        await using var nats = await NatsCluster.StartAsync();
        var acknowledged = new List<int>();
        var next = 1;
        async Task PublishBatchAsync()
        {
            await nats.Log.PublishAsync(TestEvents.Entries("failover", next, 200), CancellationToken.None);
            acknowledged.AddRange(Enumerable.Range(next, 200));
            next += 200;
        }

        await PublishBatchAsync();
        var leader = (await nats.Log.StateAsync(CancellationToken.None)).Servers[0];
        var victim = nats.Cluster.Nodes.Single(n => n.Name == leader);

        // kill -9 while a batch is in flight, then keep publishing on the two survivors
        var inFlight = PublishBatchAsync();
        await victim.KillAsync();
        await inFlight;
        for (var i = 0; i < 5; i++)
        {
            await PublishBatchAsync();
        }

        var afterKill = acknowledged.Count;
        victim.Start();
        await nats.Cluster.WaitForLeaderAsync(TimeSpan.FromSeconds(30), CancellationToken.None);
        await PublishBatchAsync();

        var stored = (await JetStreamEventLogTests.ReadAsync(nats.Log, "failover")).Select(TestEvents.Number).ToList();
        Assert.Equal(1400, afterKill);
        Assert.Equal(acknowledged.Count, stored.Count);
        Assert.Equal(acknowledged.Order(), stored.Order());
        Assert.Equal(stored.Count, stored.Distinct().Count());
        Assert.Equal(3, (await nats.Log.StateAsync(CancellationToken.None)).Servers.Count);
    }

    [NatsFact]
    public async Task A_publish_while_every_node_is_down_fails_as_unavailable_within_the_ack_timeout()
    {
        await using var nats = await NatsCluster.StartAsync();
        await using var log = await JetStreamEventLog.OpenAsync(NatsCluster.Options(nats.Cluster) with { AckTimeout = TimeSpan.FromSeconds(2) }, CancellationToken.None);
        foreach (var node in nats.Cluster.Nodes)
        {
            await node.KillAsync();
        }

        var error = await Assert.ThrowsAsync<EventLogUnavailableException>(() => log.PublishAsync(TestEvents.Entries("down", 1, 3), CancellationToken.None));

        Assert.StartsWith("the ingestion log did not acknowledge 3 of 3 events within 2 s", error.Message, StringComparison.Ordinal);
    }
}
