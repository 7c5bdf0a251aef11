namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>Outcome of one Cascade reconciliation.</summary>
/// <param name="Corrected">Bob's key after reconciliation (one bit per byte, 0 or 1).</param>
/// <param name="LeakedBits">Parities of Alice's key disclosed on the public channel.</param>
/// <param name="ErrorsCorrected">Bits Bob flipped.</param>
/// <param name="Passes">Passes run.</param>
public sealed record CascadeResult(byte[] Corrected, long LeakedBits, int ErrorsCorrected, int Passes)
{
    /// <summary>
    /// Reconciliation efficiency f = leaked / (n h(e)) for the true error rate e of the block;
    /// 1 is the Shannon limit. NaN when there were no errors.
    /// </summary>
    public double Efficiency(int keyLength) =>
        ErrorsCorrected == 0 ? double.NaN : LeakedBits / (keyLength * BinaryEntropy.Of((double)ErrorsCorrected / keyLength));
}
