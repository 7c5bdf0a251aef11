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
    public async Task Copies_for_neighbouring_regions_are_stored_and_read_there_but_the_receipt_counts_the_events_only()
    {
        await using var bundled = await JetStreamEventLog.OpenAsync(NatsCluster.Options(shared.Cluster.Cluster) with { BundleSize = 4 }, CancellationToken.None);
        foreach (var log in new[] { shared.Cluster.Log, bundled })
        {
            var tag = ReferenceEquals(log, bundled) ? "b" : "s";
            var events = TestEvents.Entries("copies-" + tag, 1, 6);
            EventToLog[] call = [.. events, .. events.Select(e => e with { Region = "copies-n" + tag, MessageId = VesLogEntries.CopyMessageId(e.MessageId, "copies-n" + tag), Copy = true })];

            var receipt = await log.PublishAsync(call, CancellationToken.None);
            var retry = await log.PublishAsync(call, CancellationToken.None);

            Assert.Equal((6, 0), (receipt.Stored, receipt.Duplicates));
            Assert.Equal((0, 6), (retry.Stored, retry.Duplicates));
            Assert.Equal(Enumerable.Range(1, 6), (await ReadAsync(log, "copies-" + tag)).Select(TestEvents.Number));
            Assert.Equal(Enumerable.Range(1, 6), (await ReadAsync(log, "copies-n" + tag)).Select(TestEvents.Number));
        }
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
    public async Task Bundled_events_are_read_one_by_one_in_order_and_a_retried_call_is_recognised_as_stored()
    {
        await using var log = await JetStreamEventLog.OpenAsync(NatsCluster.Options(shared.Cluster.Cluster) with { BundleSize = 8 }, CancellationToken.None);
        EventToLog[] call = [.. TestEvents.Entries("bundle-a", 1, 20), .. TestEvents.Entries("bundle-b", 100, 3), .. TestEvents.Entries("bundle-a", 21, 5)];

        var first = await log.PublishAsync(call, CancellationToken.None);
        var retry = await log.PublishAsync(call, CancellationToken.None);

        Assert.Equal(new PublishReceipt(28, 0, first.LastSequence), first);
        Assert.Equal(0, retry.Stored);
        Assert.Equal(28, retry.Duplicates);
        var a = await ReadAsync(log, "bundle-a");
        Assert.Equal(Enumerable.Range(1, 25), a.Select(TestEvents.Number));
        Assert.Equal(4, a.Select(e => e.StreamSequence).Distinct().Count());
        Assert.Equal(Enumerable.Range(100, 3), (await ReadAsync(log, "bundle-b")).Select(TestEvents.Number));
        var consumed = new List<int>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new RegionConsumer(log) { BatchSize = 2 }.RunAsync("bundle-a", (batch, _) =>
        {
            consumed.AddRange(batch.Select(TestEvents.Number));
            if (consumed.Count >= 25)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }, stop.Token));
        Assert.Equal(Enumerable.Range(1, 25), consumed);
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
