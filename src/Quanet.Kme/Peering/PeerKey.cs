namespace Quanet.Kme.Peering;

/// <summary>One key announced to the peer KME: its ID, owners and the pool blocks it was cut from (never the material).</summary>
internal sealed class PeerKey
{
    public string KeyId { get; set; } = "";

    public string Master { get; set; } = "";

    public List<string> Slaves { get; set; } = [];

    public int SizeBits { get; set; }

    public List<long> Blocks { get; set; } = [];
}
