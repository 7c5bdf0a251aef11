namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// The time limit every solver gets. A solver with a limit of its own (Quanet, SCIP-Jack) is told
/// <see cref="Seconds"/> and killed at <see cref="Hard"/> if it does not stop; a solver without one (the PACE winner,
/// which prints only a proven optimum) is killed at <see cref="Seconds"/>. A proof counts when the process ended
/// within <see cref="Seconds"/> plus <see cref="GraceSeconds"/> (process start-up and output, which the solvers' own
/// clocks do not see).
/// </summary>
/// <param name="Seconds">The limit, in seconds.</param>
/// <param name="GraceSeconds">Wall-clock grace for a proof, in seconds.</param>
public sealed record PeerLimits(double Seconds, double GraceSeconds)
{
    /// <summary>Where a solver that should have stopped itself is killed.</summary>
    public TimeSpan Hard => TimeSpan.FromSeconds(Seconds + GraceSeconds + 20);

    /// <summary>True when a process of <paramref name="wallSeconds"/> ended within the limit and the grace.</summary>
    public bool Within(double wallSeconds) => wallSeconds <= Seconds + GraceSeconds;
}
