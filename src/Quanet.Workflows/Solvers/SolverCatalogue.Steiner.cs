using Quanet.Optimization.Sampling;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Qubo;

namespace Quanet.Workflows.Solvers;

/// <summary>The Steiner tree methods and the samplers of their QUBO path (<c>steiner</c>).</summary>
public static partial class SolverCatalogue
{
    /// <summary>Steiner tree methods (<c>steiner --solver</c>): default exact, 60 s.</summary>
    public static SolverFamily<SteinerMethod> Steiner { get; } = new(
        "Steiner tree",
        [
            new() { Name = "exact", Description = "reductions, dual ascent and branch-and-cut: proven optimum or gap", Create = () => SteinerMethod.Exact, NeedsOrTools = true },
            new() { Name = "heuristic", Description = "reductions and local search", Create = () => SteinerMethod.Heuristic },
            new() { Name = "qubo", Description = "QUBO formulation of the reduced instance, small instances", Create = () => SteinerMethod.Qubo },
            new() { Name = "qubo-hybrid", Description = "the same QUBO by hybrid decomposition from the heuristic tree (--sub-solver, --sub-size)", Create = () => SteinerMethod.Qubo },
        ],
        defaultName: "exact",
        defaultSeconds: 60);

    /// <summary>
    /// Samplers of the Steiner QUBO path (<c>steiner --sampler</c>): default exact, which builds null, the
    /// built-in ground-state search of <see cref="QuboExactSolver"/>.
    /// </summary>
    public static SolverFamily<ISampler?> SteinerQubo { get; } = new(
        "Steiner QUBO",
        [
            new() { Name = "exact", Description = $"exhaustive up to {QuboExactSolver.ExhaustiveLimit} variables, SCIP beyond", Create = () => null, NeedsOrTools = true },
            new() { Name = "sa", Description = "simulated annealing", Create = () => new SimulatedAnnealingSampler() },
            new() { Name = "tabu", Description = "tabu search", Create = () => new TabuSampler() },
        ],
        defaultName: "exact",
        defaultSeconds: 60);
}
