namespace Quanet.Security.Qkd.PostProcessing;

/// <summary>
/// Block-size schedule and number of passes of Cascade. The defaults follow the modified Cascade
/// recommended by Martinez-Mateo, Pacher, Peev, Ciurana and Martin, "Demystifying the information
/// reconciliation protocol Cascade", QIC 15 (2015): first block a power of two near 1/QBER,
/// second block four times as large, all later blocks half the key, with many passes.
/// </summary>
public sealed record CascadeOptions
{
    /// <summary>Number of passes.</summary>
    /// <value>16</value>
    public int Passes { get; init; } = 16;

    /// <summary>Largest first-pass block in bits (the first block is 2^round(log2(0.73/QBER)) capped by this).</summary>
    /// <value>2^14</value>
    public int MaxFirstBlock { get; init; } = 1 << 14;

    /// <summary>First-pass block size; when null it is derived from the QBER.</summary>
    public int? FirstBlock { get; init; }

    /// <summary>Second-pass block size as a multiple of the first.</summary>
    /// <value>4</value>
    public int SecondBlockFactor { get; init; } = 4;

    /// <summary>Block size of pass <paramref name="pass"/> (0-based) for a key of <paramref name="length"/> bits at estimated error rate <paramref name="qber"/>.</summary>
    public int BlockSize(int pass, int length, double qber)
    {
        var first = FirstBlock ?? (int)Math.Min(MaxFirstBlock, Math.Pow(2, Math.Round(Math.Log2(0.73 / Math.Max(qber, 1e-6)))));
        long size = pass switch
        {
            0 => first,
            1 => (long)SecondBlockFactor * first,
            _ => length / 2,
        };
        return (int)Math.Clamp(size, 2, Math.Max(2, length));
    }
}
