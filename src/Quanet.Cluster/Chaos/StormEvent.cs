using System.Globalization;
using Quanet.Operations.Ingestion;

namespace Quanet.Cluster.Chaos;

/// <summary>One event of a chaos storm: its place in the storm, its region, its identity and its VES JSON.</summary>
/// <param name="Index">Its place in the simulator's order.</param>
/// <param name="Regions">The regions it is published to (<see cref="Ingestion.TopologyRegions.RegionsOf"/>): its own first.</param>
/// <param name="Key">Its identity: source, event ID and sequence (the correlator's and the log's duplicate key).</param>
/// <param name="Micros">Its event time (<c>lastEpochMicrosec</c>).</param>
/// <param name="Json">The VES event object.</param>
internal sealed record StormEvent(int Index, IReadOnlyList<string> Regions, string Key, long Micros, byte[] Json)
{
    /// <summary>Its own topology region.</summary>
    public string Region => Regions[0];

    public static string KeyOf(VesEvent e) => string.Create(CultureInfo.InvariantCulture, $"{e.SourceName}\0{e.EventId}\0{e.Sequence}");
}
