using Npgsql;

namespace Quanet.Cluster.Chaos;

/// <summary>Samples how many events each region grain has applied (rows of <c>quanet_region_events</c>), every 200 ms.</summary>
internal sealed class AppliedTimeline(string connectionString, System.Diagnostics.Stopwatch clock)
{
    private readonly List<(double Time, Dictionary<string, long> Counts)> _samples = [];
    private readonly Lock _lock = new();

    /// <summary>Events applied over all regions at the last sample.</summary>
    public long Total
    {
        get
        {
            lock (_lock)
            {
                return _samples.Count == 0 ? 0 : _samples[^1].Counts.Values.Sum();
            }
        }
    }

    /// <summary>Samples until <paramref name="cancellationToken"/> fires.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await SampleAsync(source, cancellationToken).ConfigureAwait(false);
                await Task.Delay(200, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Takes one sample now.</summary>
    public async Task SampleAsync(NpgsqlDataSource source, CancellationToken cancellationToken)
    {
        var time = clock.Elapsed.TotalSeconds;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using (var command = source.CreateCommand("SELECT region, count(*) FROM quanet_region_events GROUP BY region"))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                counts[reader.GetString(0)] = reader.GetInt64(1);
            }
        }

        lock (_lock)
        {
            _samples.Add((time, counts));
        }
    }

    /// <summary>Events of <paramref name="region"/> applied at the last sample at or before <paramref name="time"/>.</summary>
    public long CountAt(string region, double time)
    {
        lock (_lock)
        {
            long count = 0;
            foreach (var (t, counts) in _samples)
            {
                if (t > time)
                {
                    break;
                }

                count = counts.GetValueOrDefault(region);
            }

            return count;
        }
    }

    /// <summary>The first sample after <paramref name="time"/> at which <paramref name="region"/> had applied more than <paramref name="count"/> events, or null.</summary>
    public double? FirstAbove(string region, long count, double time)
    {
        lock (_lock)
        {
            foreach (var (t, counts) in _samples)
            {
                if (t > time && counts.GetValueOrDefault(region) > count)
                {
                    return t;
                }
            }

            return null;
        }
    }
}
