namespace Quanet.Kme.Peering;

/// <summary>
/// KME-to-KME message of the simulated QKD link: blocks of sifted, corrected and privacy-amplified key that
/// both ends of a real link would hold. In a real deployment these bits never cross the classical channel;
/// the simulator stands in for the quantum channel and post-processing by sending them over mutual TLS.
/// </summary>
internal sealed class PoolBatch
{
    public string Link { get; set; } = "";

    public long FirstIndex { get; set; }

    /// <summary>Base64 of the concatenated blocks, <see cref="Storage.PoolBlocks.BlockBytes"/> bytes each.</summary>
    public string Material { get; set; } = "";

    /// <summary>Number of blocks (used by the confirmation of a PQC agreement, which carries no material).</summary>
    public int Count { get; set; }
}
