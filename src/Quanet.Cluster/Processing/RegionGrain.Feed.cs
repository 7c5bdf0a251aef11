using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quanet.Cluster.Processing;

// The region's feed from the JetStream log: one consumer per region, run by the region's activation.
internal sealed partial class RegionGrain
{
    /// <summary>How often a feed whose activation ended asks for the next one (every 0.5 s) before leaving it to the reminder.</summary>
    private const int HandOverAttempts = 20;
    private bool _kept;
    private Task? _keeping;

    public Task KeepFedAsync()
    {
        var feed = services.GetService(typeof(RegionFeed)) as RegionFeed
            ?? throw new InvalidOperationException("this silo runs without an event log (--nats)");
        if (!_kept && _keeping is not { IsCompleted: false })
        {
            // the reminder (which feeds the region again after a failover) is registered once per activation, off
            // this call: right after a silo's death the reminder service may take seconds to settle, and the region's
            // batches must not wait for it
            _keeping = KeepReminderAsync();
        }

        if (_feedStop is null)
        {
            // the feed ends with the activation or with the silo's host, whichever stops first
            var stopping = (services.GetService(typeof(IHostApplicationLifetime)) as IHostApplicationLifetime)?.ApplicationStopping ?? CancellationToken.None;
            _feedStop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var self = this.AsReference<IRegionGrain>();
            var stop = _feedStop.Token;
            var applied = checkpoint.State.LastAppliedSequence;
            // off the grain's scheduler (the consumer does not return to it): batches come back in as grain calls
            _ = Task.Run(() => FeedAsync(feed, self, applied, stop, stopping), CancellationToken.None);
        }

        HandOver([]);
        return Task.CompletedTask;
    }

    public Task ReceiveReminder(string reminderName, TickStatus status) => KeepFedAsync();

    private async Task KeepReminderAsync()
    {
        try
        {
            await this.RegisterOrUpdateReminder(Keep, context.ReminderPeriod, context.ReminderPeriod);
            _kept = true;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            logger.LogWarning(ex, "region {Region}: reminder not registered yet; asked again at the next keep-fed call", Region);
        }
        finally
        {
            _keeping = null;
        }
    }

    // the stream sequence before the message holding the applied position: the consumer starts at that message again
    // (its events at or below the checkpoint are skipped by ApplyAsync), so no event of a bundle can be passed over
    private static ulong SequenceBefore(ulong position) => position == 0 ? 0 : (position >> Ingestion.LoggedEvent.IndexBits) - 1;

    /// <summary>
    /// Runs the region's consumer until the activation ends, starting it again after an error; it starts at the
    /// message of the region's checkpoint (<paramref name="applied"/>, a <see cref="Ingestion.LoggedEvent.Position"/>,
    /// then what each batch returns), so a failover never waits for the server to tell the consumer's acknowledged floor.
    /// </summary>
    private async Task FeedAsync(RegionFeed feed, IRegionGrain self, ulong applied, CancellationToken stop, CancellationToken stopping)
    {
        await RunFeedAsync(feed, self, applied, stop);
        if (!stopping.IsCancellationRequested)
        {
            await HandOverAsync(self, stopping);
        }
    }

    /// <summary>
    /// After this activation ended while its silo runs on (an apply that failed after the batch's rows were saved, a
    /// directory failure, a collection), asks the grain to run its feed again, which activates it anew from the
    /// durable state. Without this the region stood still until its reminder's next tick, with rows stored ahead of
    /// its checkpoint that no engine had taken in (what a reader of the rows would count as applied).
    /// </summary>
    private async Task HandOverAsync(IRegionGrain self, CancellationToken stopping)
    {
        for (var attempt = 0; attempt < HandOverAttempts && !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await self.KeepFedAsync();
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                logger.LogWarning(ex, "region {Region}: its next activation did not start yet; asking again", Region);
                await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken.None);
            }
        }
    }

    private async Task RunFeedAsync(RegionFeed feed, IRegionGrain self, ulong applied, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await feed.Consumer.RunAsync(Region, SequenceBefore(applied), async (batch, _) =>
                {
                    // an activation that is going away hands nothing more to its successor
                    stop.ThrowIfCancellationRequested();
                    var events = new RegionEvent[batch.Count];
                    for (var i = 0; i < events.Length; i++)
                    {
                        events[i] = new RegionEvent { Sequence = batch[i].Position, Json = batch[i].Json.ToArray() };
                    }

                    applied = await self.ApplyAsync(events);
                }, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "region {Region} feed stopped; starting it again", Region);
                try
                {
                    // a failed apply deactivates the grain: its feed ends at once and hands over to the next activation
                    await Task.Delay(TimeSpan.FromSeconds(1), stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }
}
