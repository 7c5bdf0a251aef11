namespace Quanet.Kme.Relay;

/// <summary>KME-to-KME message: relays crossing one link, grouped into one call.</summary>
internal sealed class RelayBatch
{
    /// <summary>The link the pads were taken from (sender and receiver).</summary>
    public string Link { get; set; } = "";

    public List<RelayMessage> Relays { get; set; } = [];
}
