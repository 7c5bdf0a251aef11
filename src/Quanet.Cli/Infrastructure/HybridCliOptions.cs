using System.CommandLine;
using Quanet.Optimization.Hybrid;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Infrastructure;

/// <summary><c>--sub-solver</c>, <c>--sub-size</c> and <c>--subproblems</c> of <c>--solver qubo-hybrid</c> (plan, setcover, steiner), validated together in the parser.</summary>
internal static class HybridCliOptions
{
    /// <summary>The options, with their checks (known sub-solver, sub-size within what it takes, a positive work budget).</summary>
    public static (Option<string> SubSolver, Option<int> SubSize, Option<int?> Subproblems) Create()
    {
        var subproblems = new Option<int?>("--subproblems")
        {
            Description = "qubo-hybrid: work budget in subproblems (reproducible for a seed whatever the load; --time still cuts the run); default: until --time",
        };
        subproblems.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1)
            {
                result.AddError("--subproblems must be at least 1");
            }
        });
        var subSize = new Option<int>("--sub-size")
        {
            Description = $"qubo-hybrid: largest sub-QUBO in variables (qubits), slack bits included (default {HybridOptions.DefaultSubSize})",
            DefaultValueFactory = _ => HybridOptions.DefaultSubSize,
        }.MustBeAtLeast(1);
        var subSolver = new Option<string>("--sub-solver")
        {
            Description = $"qubo-hybrid: the sampler of each subproblem: {SolverCatalogue.HybridSubSolvers.Describe()}",
            DefaultValueFactory = _ => SolverCatalogue.DefaultSubSolver,
        };
        subSolver.Check(result => SolverCatalogue.HybridSubSolverProblem(result.GetValueOrDefault<string>() ?? string.Empty, result.GetValue(subSize)));
        return (subSolver, subSize, subproblems);
    }
}
