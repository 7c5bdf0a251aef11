using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quanet.Cluster.Processing;

/// <summary>
/// On a silo that runs on a JetStream log: once the silo has started, asks every region grain to run its feed
/// (idempotent; every silo does it, so the first silo up starts them all); then, whenever the membership declares a
/// silo dead, asks them all again, so the regions of the dead silo are activated on a survivor and fed at once
/// rather than at their reminder's next tick (up to its period later). The reminder stays as the backstop.
/// </summary>
internal sealed class RegionKeeper(RegionFeed feed, IGrainFactory grains, IClusterMembershipService membership, ILogger<RegionKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await KeepAllFedAsync(stoppingToken);
        var dead = new HashSet<SiloAddress>(Dead(membership.CurrentSnapshot));
        await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
        {
            var now = Dead(snapshot).ToList();
            if (now.Any(dead.Add))
            {
                logger.LogInformation("a silo was declared dead: asking every region grain to run its feed");
                await KeepAllFedAsync(stoppingToken);
            }
        }
    }

    private static IEnumerable<SiloAddress> Dead(ClusterMembershipSnapshot snapshot) =>
        snapshot.Members.Where(m => m.Value.Status == SiloStatus.Dead).Select(m => m.Key);

    private Task KeepAllFedAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(feed.Regions.Select(region => KeepFedAsync(region, stoppingToken)));

    private async Task KeepFedAsync(string region, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await grains.GetGrain<IRegionGrain>(region).KeepFedAsync();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "region {Region} not started yet", region);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
            }
        }
    }
}
