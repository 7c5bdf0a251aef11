namespace Quanet.Defence.Simulation;

/// <summary>Options of the interconnect-attack simulation.</summary>
public sealed record DefenceSimulationOptions
{
    /// <summary>Simulated days of benign background. <value>Default 30.</value></summary>
    public int Days { get; init; } = 30;

    /// <summary>Attacks injected of each kind. <value>Default 2.</value></summary>
    public int AttacksPerKind { get; init; } = 2;

    /// <summary>Random seed. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// How long a filter or isolation stays before the NOC rolls it back (the partner cleaned up).
    /// <value>Default 12 hours.</value>
    /// </summary>
    public TimeSpan RestoreAfter { get; init; } = TimeSpan.FromHours(12);

    /// <summary>Start of the simulated period. <value>Default 2026-01-01 UTC.</value></summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
}
