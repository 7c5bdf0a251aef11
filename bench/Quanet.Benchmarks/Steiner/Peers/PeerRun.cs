namespace Quanet.Benchmarks.Steiner.Peers;

/// <summary>
/// One solver's run on one instance, as the side-by-side table reports it.
/// </summary>
/// <param name="Solver">The solver's column name (<c>quanet</c>, <c>scip-jack</c>, <c>pace-winner</c>).</param>
/// <param name="Cost">The weight of the best tree the solver printed, or null when it printed none.</param>
/// <param name="Bound">The lower bound it printed (the cost itself when it proved optimality), or null.</param>
/// <param name="Proven">True when the solver said its tree is optimal and the process ended within the limit plus the grace.</param>
/// <param name="WallSeconds">Wall-clock seconds of the whole process (start-up, reading, solving, output).</param>
/// <param name="CpuSeconds">User + system CPU seconds of the process.</param>
/// <param name="Note">Why there is no answer (killed, exit code, parse failure), or empty.</param>
public sealed record PeerRun(string Solver, long? Cost, long? Bound, bool Proven, double WallSeconds, double CpuSeconds, string Note);
