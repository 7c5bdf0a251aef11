using System.Collections.Concurrent;

namespace Quanet.Defence.Telemetry;

/// <summary>How many lines were rejected, by reason.</summary>
public sealed class RejectionCounts
{
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);

    /// <summary>Total rejected lines.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            foreach (var (_, n) in _counts)
            {
                total += n;
            }

            return total;
        }
    }

    /// <summary>Counts per reason, sorted by reason.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> ByReason =>
        [.. _counts.OrderBy(kv => kv.Key, StringComparer.Ordinal)];

    /// <summary>Counts one rejection.</summary>
    public void Add(string reason) => _counts.AddOrUpdate(reason, 1, static (_, n) => n + 1);

    /// <summary>Count for one reason.</summary>
    public long this[string reason] => _counts.TryGetValue(reason, out var n) ? n : 0;
}
