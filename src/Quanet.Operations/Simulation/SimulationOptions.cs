namespace Quanet.Operations.Simulation;

/// <summary>What to simulate.</summary>
public sealed record SimulationOptions
{
    /// <summary>Simulated hours with faults and noise (default 24).</summary>
    public double Hours { get; init; } = 24;

    /// <summary>Seed of everything random.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Faults per 24 h by kind (default <see cref="ScenarioCatalog.DefaultMix"/>).</summary>
    public IReadOnlyList<(string Kind, int Count)> Faults { get; init; } = ScenarioCatalog.DefaultMix;

    /// <summary>Link micro-breaks per hour (transient noise).</summary>
    public double FlapsPerHour { get; init; } = 1;

    /// <summary>Equipment temperature warnings per hour (noise).</summary>
    public double WarningsPerHour { get; init; } = 0.3;

    /// <summary>Benign configuration changes per hour.</summary>
    public double BenignChangesPerHour { get; init; } = 1;

    /// <summary>Probability that an alarm raise is lost.</summary>
    public double LossProbability { get; init; } = 0.01;

    /// <summary>Human NOC parameters.</summary>
    public NocParameters Noc { get; init; } = new();

    /// <summary>Simulation start (default 2026-01-05T00:00Z).</summary>
    public DateTimeOffset Start { get; init; } = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
}
