namespace Quanet.Kme.Storage;

/// <summary>Pool granularity shared by every store: 256-bit blocks. A key of <c>s</c> bits consumes <c>ceil(s / 256)</c> blocks.</summary>
internal static class PoolBlocks
{
    /// <summary>Bytes per pool block.</summary>
    public const int BlockBytes = 32;

    /// <summary>Number of blocks needed for a key of <paramref name="sizeBits"/> bits.</summary>
    public static int BlocksFor(int sizeBits) => (sizeBits + (BlockBytes * 8) - 1) / (BlockBytes * 8);
}
