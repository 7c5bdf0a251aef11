using Quanet.Planning.Placement;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Plan;

/// <summary>Forwards to <see cref="SolverCatalogue.Placement"/>; kept only until the plan workflow calls the catalogue itself.</summary>
internal static class PlanSolvers
{
    public static string Default => SolverCatalogue.Placement.DefaultName;

    public static IReadOnlyList<string> Names => SolverCatalogue.Placement.Names;

    public static IReadOnlyList<IPlacementSolver> Resolve(string name) => SolverCatalogue.Placement.Resolve(name);
}
