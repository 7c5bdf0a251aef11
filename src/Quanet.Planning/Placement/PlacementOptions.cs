using Quanet.Optimization.Qubo.Constraints;

namespace Quanet.Planning.Placement;

/// <summary>Options shared by every placement solver.</summary>
public sealed record PlacementOptions
{
    /// <summary>Random seed. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Time limit. <value>Default 60 s.</value></summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Worker threads; 0 means all cores. <value>Default 0.</value></summary>
    public int Threads { get; init; }

    /// <summary>
    /// Exact solvers stop once the proven relative gap |bound - objective| / |objective| is at most this.
    /// <value>Default 0 (prove optimality).</value>
    /// </summary>
    public double RelativeGapLimit { get; init; }

    /// <summary>Clock used for time limits and elapsed times. <value>Default <see cref="TimeProvider.System"/>.</value></summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Receives (elapsed, incumbent objective, bound) during long solves.</summary>
    public IProgress<PlacementProgress>? Progress { get; init; }

    /// <summary>
    /// Ends the search early, as if the time limit had passed: the solver returns the best solution found so far
    /// (unlike the cancellation token, which abandons the solve). <value>Default none.</value>
    /// </summary>
    public CancellationToken Stop { get; init; }

    /// <summary>
    /// How the QUBO solvers (<c>qubo</c>, <c>qaoa</c>) encode the goal's inequalities (<see cref="PlacementQubo.Build(CoverageInstance, PlacementGoal, QuboFormulation)"/>);
    /// other solvers ignore it. <value>Default <see cref="QuboFormulation.Slack"/>.</value>
    /// </summary>
    public QuboFormulation QuboFormulation { get; init; } = QuboFormulation.Slack;
}

/// <summary>Progress of a placement solve.</summary>
/// <param name="Elapsed">Time since the start.</param>
/// <param name="Incumbent">Best objective found so far.</param>
/// <param name="Bound">Best proven bound so far, or null.</param>
public readonly record struct PlacementProgress(TimeSpan Elapsed, double Incumbent, double? Bound);
