namespace Quanet.Optimization.Sampling;

/// <summary>Options shared by every <see cref="ISampler"/>.</summary>
public sealed record SamplerOptions
{
    /// <summary>Random seed; the same seed gives the same samples. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Wall-clock limit for the whole call, or null for the sampler's own stopping rule. <value>Default null.</value></summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// A wall-clock cap that only cuts the sampler's own stopping rule short (unlike <see cref="TimeLimit"/>, reads do
    /// not keep restarting until it): what a hybrid loop gives each sub-solve so that a slow one (QAOA on 20 qubits)
    /// cannot run past the loop's limit. <value>Default null: no cap.</value>
    /// </summary>
    public TimeSpan? Cutoff { get; init; }

    /// <summary>Stop early once a state at or below this energy is found. <value>Default null.</value></summary>
    public double? TargetEnergy { get; init; }

    /// <summary>Independent reads (restarts); 0 means one per core. <value>Default 0.</value></summary>
    public int Reads { get; init; }

    /// <summary>Reads run at once; 0 means all cores. <value>Default 0.</value></summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>Receives progress (best energy so far) from time to time. <value>Default null.</value></summary>
    public IProgress<SamplerProgress>? Progress { get; init; }

    /// <summary>
    /// A state to start every read from (in the model's vartype), e.g. the incumbent's part of a hybrid subproblem;
    /// samplers without warm starts (all but tabu) ignore it. <value>Default null: random starts.</value>
    /// </summary>
    public sbyte[]? InitialState { get; init; }

    /// <summary>Clock for the time limit and the reported times. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>The number of reads to run, resolving 0 to the core count.</summary>
    public int EffectiveReads => Reads > 0 ? Reads : Environment.ProcessorCount;

    /// <summary>The parallelism to use, resolving 0 to the core count.</summary>
    public int EffectiveParallelism => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;
}
