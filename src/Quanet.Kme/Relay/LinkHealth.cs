using System.Collections.Concurrent;

namespace Quanet.Kme.Relay;

/// <summary>Links a relay failed on recently: routed around until <see cref="DownFor"/> has passed, then tried again.</summary>
internal sealed class LinkHealth(TimeProvider time)
{
    /// <summary>How long a failed link is avoided.</summary>
    public static readonly TimeSpan DownFor = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, long> _downUntil = new(StringComparer.Ordinal);

    public void MarkDown(string link) => _downUntil[link] = time.GetTimestamp() + (long)(DownFor.TotalSeconds * time.TimestampFrequency);

    public bool IsDown(string link) => _downUntil.TryGetValue(link, out var until) && time.GetTimestamp() < until;
}
