using Quanet.Optimization.Exact;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;
using Quanet.Optimization.Sampling.Bifurcation;

namespace Quanet.Workflows.Solvers;

/// <summary>The QUBO / Ising samplers (<c>qubo solve</c>, <c>maxcut</c>).</summary>
public static partial class SolverCatalogue
{
    private static readonly SolverEntry<ISampler>[] Samplers =
    [
        new() { Name = "sa", Description = "simulated annealing", Create = () => new SimulatedAnnealingSampler() },
        new() { Name = "pt", Description = "parallel tempering", Create = () => new ParallelTemperingSampler() },
        new() { Name = "tabu", Description = "tabu / breakout local search", Create = () => new TabuSampler() },
        new() { Name = "sb", Description = "simulated bifurcation (discrete SB, SIMD replicas)", Create = () => new SimulatedBifurcationSampler() },
        new()
        {
            Name = "exact",
            Description = $"Gray-code enumeration up to {ExhaustiveSolver.MaxVariables} variables, CP-SAT above",
            Create = () => new ExactSolver(),
        },
        new()
        {
            Name = "qaoa",
            Description = $"QAOA state-vector simulation, up to {QaoaStateVector.MaxQubits} variables",
            Create = () => new QaoaSampler(),
            MaxVariables = QaoaStateVector.MaxQubits,
        },
    ];

    /// <summary>Samplers for a QUBO / Ising model file (<c>qubo solve</c>): default tabu, no time limit.</summary>
    public static SolverFamily<ISampler> Qubo { get; } = new("QUBO", Samplers, defaultName: "tabu", defaultSeconds: 0);

    /// <summary>Samplers for the Ising model of a max-cut instance (<c>maxcut</c>): default sa, 10 s.</summary>
    public static SolverFamily<ISampler> MaxCut { get; } = new("max-cut", Samplers, defaultName: "sa", defaultSeconds: 10);
}
