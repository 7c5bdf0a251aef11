using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class JetStreamEventLogTests(SharedNatsCluster shared) : IClassFixture<SharedNatsCluster>
{
    [NatsFact]
    public async Task Published_events_are_acknowledged_and_stored_on_three_servers()
    {
        var log = shared.Cluster.Log;

        var receipt = await log.PublishAsync(TestEvents.Entries("stored", 1, 500), CancellationToken.None);

        Assert.Equal(500, receipt.Stored);
        Assert.Equal(0, receipt.Duplicates);
        var state = await log.StateAsync(CancellationToken.None);
        Assert.Equal(3, state.Replicas);
        Assert.Equal(3, state.Servers.Count);
        Assert.True(state.LastSequence >= receipt.LastSequence);
        var read = await ReadAsync(log, "stored");
        Assert.Equal(Enumerable.Range(1, 500), read.Select(TestEvents.Number));
    }

    [NatsFact]
    public async Task The_duplicate_window_drops_an_event_sent_again()
    {
        var log = shared.Cluster.Log;
        var first = await log.PublishAsync(TestEvents.Entries("dedupe", 1, 10), CancellationToken.None);

        // a sender's retry after a lost acknowledgement: the same events again, with two new ones
        var again = await log.PublishAsync(TestEvents.Entries("dedupe", 1, 12), CancellationToken.None);

        Assert.Equal(10, first.Stored);
        Assert.Equal(2, again.Stored);
        Assert.Equal(10, again.Duplicates);
        Assert.Equal(Enumerable.Range(1, 12), (await ReadAsync(log, "dedupe")).Select(TestEvents.Number));
    }

    [NatsFact]
    public async Task A_region_is_read_again_after_a_sequence_and_holds_only_its_own_events()
    {
        var log = shared.Cluster.Log;
        await log.PublishAsync([.. TestEvents.Entries("replay-a", 1, 5), .. TestEvents.Entries("replay-b", 100, 5), .. TestEvents.Entries("replay-a", 6, 5)], CancellationToken.None);
        var all = await ReadAsync(log, "replay-a");

        var after = await ReadAsync(log, "replay-a", all[4].StreamSequence);

        Assert.Equal(Enumerable.Range(1, 10), all.Select(TestEvents.Number));
        Assert.All(all, e => Assert.Equal("replay-a", e.Region));
        Assert.Equal(Enumerable.Range(6, 5), after.Select(TestEvents.Number));
        Assert.Empty(await ReadAsync(log, "replay-empty"));
    }

    [NatsFact]
    public async Task Options_with_problems_are_refused_in_one_message()
    {
        var options = new EventLogOptions { Urls = ["http://x", "nats://127.0.0.1:4222"], Replicas = 7 };

        var error = await Assert.ThrowsAsync<ArgumentException>(() => JetStreamEventLog.OpenAsync(options, CancellationToken.None));

        Assert.StartsWith("'http://x' is not a NATS URL (nats://host:port or tls://host:port); replicas must be 1 to 5 (JetStream's limit), not 7", error.Message, StringComparison.Ordinal);
    }

    internal static async Task<List<LoggedEvent>> ReadAsync(JetStreamEventLog log, string region, ulong after = 0)
    {
        var events = new List<LoggedEvent>();
        await foreach (var e in log.ReadRegionAsync(region, after, CancellationToken.None))
        {
            events.Add(e);
        }

        return events;
    }
}
