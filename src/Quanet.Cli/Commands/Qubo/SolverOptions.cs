using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Exact;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>The <c>--solver</c> option shared by <c>qubo solve</c> and <c>maxcut</c>, and the sampler it names.</summary>
internal static class SolverOptions
{
    public static readonly string[] Names = ["sa", "pt", "tabu", "exact", "qaoa"];

    public static Option<string> Solver(string defaultName) => new("--solver")
    {
        Description = "Solver: sa (simulated annealing), pt (parallel tempering), tabu (tabu / breakout local search), "
            + "exact (Gray-code enumeration up to 24 variables, CP-SAT above), qaoa (QAOA state-vector simulation, up to 26 variables)",
        DefaultValueFactory = _ => defaultName,
    };

    public static ISampler Create(string name) => name switch
    {
        "sa" => new SimulatedAnnealingSampler(),
        "pt" => new ParallelTemperingSampler(),
        "tabu" => new TabuSampler(),
        "exact" => new ExactSolver(),
        "qaoa" => new QaoaSampler(),
        _ => throw new UsageException($"unknown solver '{name}': expected one of {string.Join(", ", Names)}"),
    };

    public static TimeSpan? Time(double seconds) => seconds switch
    {
        < 0 or double.NaN => throw new UsageException($"--time must be >= 0 seconds, got {seconds}"),
        0 => null,
        _ => TimeSpan.FromSeconds(seconds),
    };
}
