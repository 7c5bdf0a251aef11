using Quanet.Core.Units;
using Quanet.Kme.Configuration;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Security.Qkd;

namespace Quanet.Kme.Control;

/// <summary>Reports this KME's links (pool levels, key rate, QBER where modelled) to the controller every <see cref="Interval"/>.</summary>
internal sealed class LinkReporter(ControllerClient controller, IKeyStore store, SaeDirectory directory, KmeOptions options, TimeProvider time, Action<string> log)
{
    /// <summary>Time between reports; the controller counts a KME silent for <see cref="NetworkState.StaleAfter"/> as gone.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        double? qber = options.Supply.LinkLengthKm is { } km
            ? DecoyBb84Model.OptimalRate(QkdLinkParameters.Gys, QkdProtocol.Decoy, new Kilometres(km)).Qber
            : null;
        var reachable = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var report = new LinkReport();
            foreach (var neighbour in directory.Neighbours)
            {
                var link = directory.LinkTo(neighbour);
                report.Links.Add(new LinkReportEntry
                {
                    Link = link,
                    UsableBlocks = store.CountBlocks(link, directory.Self),
                    PoolBlocks = store.CountAllBlocks(link),
                    RateBitsPerSecond = options.Supply.RateBitsPerSecond,
                    Qber = qber,
                });
            }

            var taken = await controller.ReportAsync(report).ConfigureAwait(false);
            if (taken != reachable)
            {
                log(taken ? "controller: reporting link state again" : "controller: link report not taken; retrying");
                reachable = taken;
            }

            await Task.Delay(Interval, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
