namespace Quanet.Optimization.Embedding;

/// <summary>The D-Wave qubit graph families.</summary>
public enum HardwareFamily
{
    /// <summary>Chimera C(m, n, t) (D-Wave 2000Q: C(16, 16, 4)).</summary>
    Chimera,

    /// <summary>Pegasus P(m) (Advantage: P(16)).</summary>
    Pegasus,

    /// <summary>Zephyr Z(m, t) (Advantage2 prototype family).</summary>
    Zephyr,
}
