using System.Security.Cryptography;
using Quanet.Kme.Configuration;
using Quanet.Kme.Peering;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Supply;

/// <summary>
/// Simulated QKD link: adds secret key to the pool at the link's secret key rate, up to the pool capacity.
/// The local pool (SAEs on this KME) is filled here; the pool shared with the peer is produced by the link
/// leader, stored unready, handed to the peer over the authenticated KME channel (standing in for the
/// quantum channel and post-processing, which leave identical bits at both ends), then marked ready.
/// Material comes from the operating system's CSPRNG, as a real link's privacy-amplified output would be
/// indistinguishable from uniform.
/// </summary>
/// <param name="store">The key store.</param>
/// <param name="directory">The SAE table and links.</param>
/// <param name="options">The KME settings (rate, tick, capacity).</param>
/// <param name="peer">The neighbour of the shared link this supplier fills (if this KME leads it), or null for the local pool only.</param>
/// <param name="time">Clock of the rate.</param>
/// <param name="log">Receives a line per failed push.</param>
/// <param name="fillLocal">Whether this supplier also fills the local pool (exactly one supplier per KME does).</param>
internal sealed class QkdPoolSupplier(IKeyStore store, SaeDirectory directory, KmeOptions options, IPeerKme? peer, TimeProvider time, Action<string> log, bool fillLocal = true)
{
    private const int MaxBlocksPerTick = 65536;

    // Blocks per store operation: small enough that key requests queued behind a pool top-up wait ~1 ms, not 100.
    private const int BlocksPerWrite = 256;
    private const int BitsPerBlock = PoolBlocks.BlockBytes * 8;
    private bool _unconfirmed = true;

    /// <summary>Runs until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var capacity = options.MaxKeyCount * PoolBlocks.BlocksFor(options.DefaultKeySize);
        var link = peer is null ? null : directory.LinkTo(peer.KmeId);
        var leader = link is not null && SaeDirectory.LeaderOf(link) == directory.Self && options.Supply.Mode == "qkd";
        var carryLocal = 0.0;
        var carryPeer = 0.0;
        var last = time.GetTimestamp();
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(options.Supply.TickMilliseconds), time);
        do
        {
            var now = time.GetTimestamp();
            var bits = options.Supply.RateBitsPerSecond * time.GetElapsedTime(last, now).TotalSeconds;
            last = now;
            if (fillLocal)
            {
                carryLocal = await FillAsync(directory.LocalLink, carryLocal + (bits / BitsPerBlock), capacity, shared: false, cancellationToken).ConfigureAwait(false);
            }

            if (leader)
            {
                carryPeer = await FillAsync(link!, carryPeer + (bits / BitsPerBlock), capacity, shared: true, cancellationToken).ConfigureAwait(false);
            }
        }
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false));
    }

    private async Task<double> FillAsync(string link, double carry, long capacity, bool shared, CancellationToken cancellationToken)
    {
        if (shared && _unconfirmed && !await RepushAsync(link, cancellationToken).ConfigureAwait(false))
        {
            return carry;
        }

        var room = capacity - store.CountAllBlocks(link);
        var count = (int)Math.Min(Math.Min(Math.Floor(carry), room), MaxBlocksPerTick);
        if (count <= 0)
        {
            return room <= 0 ? 0 : carry;
        }

        for (var done = 0; done < count; done += BlocksPerWrite)
        {
            var material = RandomNumberGenerator.GetBytes(Math.Min(BlocksPerWrite, count - done) * PoolBlocks.BlockBytes);
            var first = await store.AppendBlocksAsync(link, index => directory.OwnerOf(link, index), material, ready: !shared).ConfigureAwait(false);
            if (shared && !await PushAsync(link, first, material, cancellationToken).ConfigureAwait(false))
            {
                _unconfirmed = true;
                return carry - done;
            }
        }

        return carry - count;
    }

    private async Task<bool> RepushAsync(string link, CancellationToken cancellationToken)
    {
        var blocks = await store.ListUnreadyAsync(link).ConfigureAwait(false);
        var start = 0;
        while (start < blocks.Count)
        {
            var end = start + 1;
            while (end < blocks.Count && blocks[end].Index == blocks[end - 1].Index + 1 && end - start < BlocksPerWrite)
            {
                end++;
            }

            var material = new byte[(end - start) * PoolBlocks.BlockBytes];
            for (var i = start; i < end; i++)
            {
                blocks[i].Material.CopyTo(material, (i - start) * PoolBlocks.BlockBytes);
            }

            if (!await PushAsync(link, blocks[start].Index, material, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            start = end;
        }

        _unconfirmed = false;
        return true;
    }

    private async Task<bool> PushAsync(string link, long first, byte[] material, CancellationToken cancellationToken)
    {
        try
        {
            await peer!.PushPoolAsync(new PoolBatch { Link = link, FirstIndex = first, Material = Convert.ToBase64String(material) }, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or KeyDeliveryException or TaskCanceledException)
        {
            // On shutdown the peer may already be gone: end the loop by cancellation, not by this error.
            cancellationToken.ThrowIfCancellationRequested();
            log($"pool push to {peer!.KmeId} failed, will retry: {ex.Message}");
            return false;
        }

        await store.MarkReadyAsync(link, first, material.Length / PoolBlocks.BlockBytes).ConfigureAwait(false);
        return true;
    }
}
