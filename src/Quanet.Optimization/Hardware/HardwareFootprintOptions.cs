namespace Quanet.Optimization.Hardware;

/// <summary>Targets and budgets of <see cref="HardwareFootprints.Estimate"/>.</summary>
public sealed record HardwareFootprintOptions
{
    /// <summary>The Pegasus target. <value>Default <c>pegasus:16</c> (Advantage, 5,640 qubits).</value></summary>
    public string Pegasus { get; init; } = "pegasus:16";

    /// <summary>The Zephyr target. <value>Default <c>zephyr:15</c> (t = 4, 7,440 qubits).</value></summary>
    public string Zephyr { get; init; } = "zephyr:15";

    /// <summary>Seed of the embedder and the router. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Wall-clock limit of each embedding attempt; it only cuts the embedder's work budget, so an embedding found
    /// inside it is the same at any machine load. <value>Default 5 s.</value>
    /// </summary>
    public TimeSpan EmbeddingTimeLimit { get; init; } = TimeSpan.FromSeconds(5);
}
