namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>The fixed simulated-annealing budget of <see cref="FormulationReport.Measure"/>: same budget, same seed for every formulation.</summary>
public sealed record FormulationSampling
{
    /// <summary>Independent reads. <value>Default 100.</value></summary>
    public int Reads { get; init; } = 100;

    /// <summary>Metropolis sweeps per read. <value>Default 1000.</value></summary>
    public int Sweeps { get; init; } = 1000;

    /// <summary>Seed. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Reads run at once (the result does not depend on it); 0 means all cores. <value>Default 1.</value></summary>
    public int Threads { get; init; } = 1;
}
