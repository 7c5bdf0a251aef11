namespace Quanet.Kme.Configuration;

/// <summary>One QKD link of this KME to a neighbour KME: the neighbour's ID and the base URL of its KME-to-KME API.</summary>
public sealed class LinkOptions
{
    /// <summary>The neighbour KME's ID (its server certificate's subject CN).</summary>
    public string PeerKmeId { get; set; } = "";

    /// <summary>The neighbour KME's base URL, e.g. <c>https://127.0.0.1:8444</c>.</summary>
    public string PeerUrl { get; set; } = "";
}
