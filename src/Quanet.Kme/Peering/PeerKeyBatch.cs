namespace Quanet.Kme.Peering;

/// <summary>KME-to-KME message: keys the master KME just handed to a master SAE, as references into the shared pool.</summary>
internal sealed class PeerKeyBatch
{
    public string Link { get; set; } = "";

    public List<PeerKey> Keys { get; set; } = [];
}
