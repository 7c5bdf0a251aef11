using Quanet.Kme.Configuration;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Supply;

/// <summary>Fills the pool shared with the peer by hybrid PQC agreements (leader only), at most at the configured rate.</summary>
internal sealed class PqcPoolSupplier(IKeyStore store, SaeDirectory directory, KmeOptions options, IPeerKme peer, HybridAgreement agreement, TimeProvider time, Action<string> log)
{
    private const int BitsPerBlock = PoolBlocks.BlockBytes * 8;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var link = directory.PeerLink!;
        var capacity = options.MaxKeyCount * PoolBlocks.BlocksFor(options.DefaultKeySize);
        var carry = 0.0;
        var last = time.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Supply.TickMilliseconds), time);
        do
        {
            var now = time.GetTimestamp();
            carry += options.Supply.RateBitsPerSecond * time.GetElapsedTime(last, now).TotalSeconds / BitsPerBlock;
            last = now;
            var room = capacity - store.CountAllBlocks(link);
            if (room <= 0)
            {
                carry = 0;
                continue;
            }

            while (carry >= 1 && room > 0 && !cancellationToken.IsCancellationRequested)
            {
                var blocks = (int)Math.Min(Math.Min(carry, options.Supply.BlocksPerAgreement), room);
                try
                {
                    await agreement.AgreeAsync(peer, blocks, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException or KeyDeliveryException or TaskCanceledException)
                {
                    // On shutdown the peer may already be gone: end the loop by cancellation, not by this error.
                    cancellationToken.ThrowIfCancellationRequested();
                    log($"PQC agreement with {peer.KmeId} failed, will retry: {ex.Message}");
                    break;
                }

                carry -= blocks;
                room -= blocks;
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }
}
