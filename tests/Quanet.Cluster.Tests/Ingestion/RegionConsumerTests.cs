using Quanet.Cluster.Ingestion;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Ingestion;

public sealed class RegionConsumerTests(SharedNatsCluster shared) : IClassFixture<SharedNatsCluster>
{
    [NatsFact]
    public async Task A_consumer_stopped_before_acknowledging_gets_the_unacknowledged_events_again_and_nothing_before()
    {
        var nats = shared.Cluster;
        await nats.Log.PublishAsync(TestEvents.Entries("resume", 1, 30), CancellationToken.None);
        var applied = new List<int>();
        using var dies = new CancellationTokenSource();

        // the first processor applies 1..10, then dies while applying 11..20 (before its acknowledgement)
        var first = new RegionConsumer(nats.Log) { BatchSize = 10 };
        var run = first.RunAsync("resume", async (batch, ct) =>
        {
            if (applied.Count == 10)
            {
                await dies.CancelAsync();
                await Task.Delay(Timeout.Infinite, ct);
            }

            applied.AddRange(batch.Select(TestEvents.Number));
        }, dies.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        // a second processor, on its own connection, resumes at 11 at once (not after the acknowledgement wait)
        await using var log = await JetStreamEventLog.OpenAsync(NatsCluster.Options(nats.Cluster), CancellationToken.None);
        var second = new RegionConsumer(log) { BatchSize = 10, AckWait = TimeSpan.FromMinutes(5) };
        var resumed = new List<LoggedEvent>();
        using var done = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => second.RunAsync("resume", (batch, _) =>
        {
            resumed.AddRange(batch);
            if (resumed.Count >= 20)
            {
                done.Cancel();
            }

            return Task.CompletedTask;
        }, done.Token));

        Assert.Equal(Enumerable.Range(1, 10), applied);
        Assert.Equal(Enumerable.Range(11, 20), resumed.Select(TestEvents.Number));
        Assert.True(resumed.Zip(resumed.Skip(1)).All(p => p.First.StreamSequence < p.Second.StreamSequence), "stream sequences increase");
        Assert.All(resumed, e => Assert.Equal("resume", e.Region));
    }

    [NatsFact]
    public async Task A_consumer_run_again_after_a_clean_stop_starts_after_the_last_acknowledged_batch()
    {
        var nats = shared.Cluster;
        await nats.Log.PublishAsync(TestEvents.Entries("restart", 1, 10), CancellationToken.None);
        var consumer = new RegionConsumer(nats.Log) { BatchSize = 5 };
        var seen = await RunUntilAsync(consumer, "restart", 10);
        await nats.Log.PublishAsync(TestEvents.Entries("restart", 11, 5), CancellationToken.None);

        var again = await RunUntilAsync(consumer, "restart", 5);

        Assert.Equal(Enumerable.Range(1, 10), seen);
        Assert.Equal(Enumerable.Range(11, 5), again);
    }

    [NatsFact]
    public async Task A_backlog_smaller_than_a_batch_is_handed_on_at_once_and_so_are_events_that_came_during_an_apply()
    {
        var nats = shared.Cluster;
        await nats.Log.PublishAsync(TestEvents.Entries("backlog", 1, 7), CancellationToken.None);
        // a fetch that waits would end only after 10 s: neither a fresh consumer nor one that just applied waits for it
        var consumer = new RegionConsumer(nats.Log) { FetchWait = TimeSpan.FromSeconds(10) };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var batches = new List<(double Seconds, List<int> Events)>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.RunAsync("backlog", async (batch, _) =>
        {
            batches.Add((clock.Elapsed.TotalSeconds, [.. batch.Select(TestEvents.Number)]));
            if (batches.Count == 1)
            {
                // events that come while the first batch is applied
                await nats.Log.PublishAsync(TestEvents.Entries("backlog", 8, 3), CancellationToken.None);
            }
            else if (batches.Sum(b => b.Events.Count) >= 10)
            {
                await stop.CancelAsync();
            }
        }, stop.Token));

        Assert.Equal(Enumerable.Range(1, 10), batches.SelectMany(b => b.Events));
        Assert.True(batches[^1].Seconds < 5, $"the events were handed on after {batches[^1].Seconds:0.0} s: a fetch waited for its end");
    }

    private static async Task<List<int>> RunUntilAsync(RegionConsumer consumer, string region, int count)
    {
        var seen = new List<int>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => consumer.RunAsync(region, (batch, _) =>
        {
            seen.AddRange(batch.Select(TestEvents.Number));
            if (seen.Count >= count)
            {
                stop.Cancel();
            }

            return Task.CompletedTask;
        }, stop.Token));
        return seen;
    }
}
