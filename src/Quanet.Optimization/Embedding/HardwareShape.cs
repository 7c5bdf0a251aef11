namespace Quanet.Optimization.Embedding;

/// <summary>The family and size parameters of a <see cref="HardwareGraph"/>.</summary>
/// <param name="Family">The graph family.</param>
/// <param name="M">Rows (Chimera), size (Pegasus) or grid parameter (Zephyr).</param>
/// <param name="N">Columns (Chimera); equal to <paramref name="M"/> otherwise.</param>
/// <param name="T">Shore size (Chimera), 12 (Pegasus) or tile parameter (Zephyr).</param>
public readonly record struct HardwareShape(HardwareFamily Family, int M, int N, int T);
