namespace Quanet.Optimization.Embedding;

/// <summary>Options of <see cref="MinorEmbedder"/>. Given the same options and inputs the result is the same.</summary>
public sealed record EmbeddingOptions
{
    /// <summary>Random seed (variable orders, tie breaks, first qubits). <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Independent restarts before giving up. <value>Default 8.</value></summary>
    public int Tries { get; init; } = 8;

    /// <summary>Rip-up and re-embed rounds per try while chains still share qubits. <value>Default 64.</value></summary>
    public int MaxRounds { get; init; } = 64;

    /// <summary>A try stops early after this many rounds without fewer shared qubits. <value>Default 12.</value></summary>
    public int Patience { get; init; } = 12;

    /// <summary>Chain-length improvement rounds once the chains are disjoint. <value>Default 8.</value></summary>
    public int ImprovementRounds { get; init; } = 8;

    /// <summary>
    /// Wall-clock limit for the whole call, or null for none. It only cuts the work budget above: a run that
    /// finishes inside the limit gives the same chains at any machine load. <value>Default null.</value>
    /// </summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>Clock for <see cref="TimeLimit"/>. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
