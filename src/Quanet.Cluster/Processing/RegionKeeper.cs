using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Quanet.Cluster.Processing;

/// <summary>
/// On a silo that runs on a JetStream log: once the silo has started, asks every region grain to run its feed
/// (idempotent; every silo does it, so the first silo up starts them all). A region grain's reminder restarts
/// it on a surviving silo after a failover.
/// </summary>
internal sealed class RegionKeeper(RegionFeed feed, IGrainFactory grains, ILogger<RegionKeeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var region in feed.Regions)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await grains.GetGrain<IRegionGrain>(region).KeepFedAsync();
                    break;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "region {Region} not started yet", region);
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
            }
        }
    }
}
