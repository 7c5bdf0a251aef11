using Quanet.Planning.Placement;

namespace Quanet.Cli.Commands.Plan;

/// <summary>Resolves <c>--solver</c> names to placement solvers (<see cref="PlacementSolvers"/>).</summary>
internal static class PlanSolvers
{
    /// <summary>The default solver: exact CP-SAT (proven optimum or gap within the time limit).</summary>
    public const string Default = "cpsat";

    /// <summary>Every solver name (compare runs them all).</summary>
    public static IReadOnlyList<string> Names => PlacementSolvers.Names;

    /// <summary>The solvers for <paramref name="name"/>: one, or all for "compare".</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static IReadOnlyList<IPlacementSolver> Resolve(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (string.Equals(name, "compare", StringComparison.OrdinalIgnoreCase))
        {
            var all = new List<IPlacementSolver>();
            foreach (var n in Names)
            {
                all.Add(PlacementSolvers.Create(n));
            }

            return all;
        }

        try
        {
            return [PlacementSolvers.Create(name)];
        }
        catch (ArgumentException)
        {
            throw new ArgumentException($"unknown solver '{name}' (known: {string.Join(", ", Names)}, compare)");
        }
    }
}
