namespace Quanet.Workflows.Defence;

/// <summary>What <see cref="AttackSimulationWorkflow"/> simulates.</summary>
public sealed record AttackSimulationRequest
{
    /// <summary>Simulated days of benign background, at least 1. <value>Default 30.</value></summary>
    public int Days { get; init; } = 30;

    /// <summary>Attacks injected of each kind, not negative. <value>Default 3.</value></summary>
    public int AttacksPerKind { get; init; } = 3;

    /// <summary>Random seed; the same seed gives the same result. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;
}
