namespace Quanet.Kme.Control;

/// <summary>A consistent snapshot of one link for the REST API and the metrics.</summary>
/// <param name="Name">The link name <c>A|B</c>.</param>
/// <param name="A">One end (ordinally smaller ID).</param>
/// <param name="B">The other end.</param>
/// <param name="Up">Both ends report and no failure is recent.</param>
/// <param name="UsableBlocksA">Blocks end A may spend (0 when unknown).</param>
/// <param name="UsableBlocksB">Blocks end B may spend (0 when unknown).</param>
/// <param name="PoolBlocks">Blocks held on the link (the larger of the two ends' counts).</param>
/// <param name="RateBitsPerSecond">Secret key rate in bits/s, or null before any report.</param>
/// <param name="Qber">QBER (0..1) where the supply reports one.</param>
/// <param name="Failures">Failures reported so far.</param>
internal sealed record LinkView(string Name, string A, string B, bool Up, long UsableBlocksA, long UsableBlocksB, long PoolBlocks, double? RateBitsPerSecond, double? Qber, long Failures);
