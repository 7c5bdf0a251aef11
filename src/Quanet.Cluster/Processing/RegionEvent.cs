namespace Quanet.Cluster.Processing;

/// <summary>One event of a region's stream: its stream sequence and its VES JSON (one event or a batch body).</summary>
[GenerateSerializer, Immutable]
internal sealed class RegionEvent
{
    /// <summary>The event's position in the log (<c>LoggedEvent.Position</c>: stream sequence and place in its bundle), increasing within the region.</summary>
    [Id(0)]
    public required ulong Sequence { get; init; }

    /// <summary>The VES JSON as the collector accepted it.</summary>
    [Id(1)]
    public required byte[] Json { get; init; }
}
