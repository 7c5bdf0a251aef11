using System.Data.Common;

namespace Quanet.Kme.Storage;

/// <summary>
/// Deletes orphan keys: keys handed to their master whose slaves did not all fetch them within the configured
/// lifetime. ETSI GS QKD 014 leaves the lifetime of undelivered keys to the KME; without a limit a slave that
/// never calls dec_keys would pin key material in the store for ever.
/// </summary>
internal sealed class KeyExpiry(IKeyStore store, TimeSpan lifetime, TimeProvider time, Action<string> log)
{
    /// <summary>How often the store is swept: a tenth of the lifetime, between 1 s and 60 s.</summary>
    public TimeSpan Interval { get; } = TimeSpan.FromTicks(Math.Clamp(lifetime.Ticks / 10, TimeSpan.TicksPerSecond, 60 * TimeSpan.TicksPerSecond));

    /// <summary>Sweeps every <see cref="Interval"/> until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync().ConfigureAwait(false);
            }
            catch (DbException ex)
            {
                log($"key expiry: sweep failed, will retry: {ex.Message}");
            }
        }
    }

    /// <summary>Deletes the keys older than the lifetime now; returns how many.</summary>
    public async Task<int> SweepAsync()
    {
        var expired = await store.ExpireAsync(time.GetUtcNow() - lifetime).ConfigureAwait(false);
        if (expired > 0)
        {
            log($"key expiry: deleted {expired} keys not fetched by their slaves within {lifetime.TotalSeconds:F0} s");
        }

        return expired;
    }
}
