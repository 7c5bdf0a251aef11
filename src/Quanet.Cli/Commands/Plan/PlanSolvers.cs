using Quanet.Planning.Interim;
using Quanet.Planning.Placement;

namespace Quanet.Cli.Commands.Plan;

/// <summary>Resolves <c>--solver</c> names to placement solvers.</summary>
internal static class PlanSolvers
{
    /// <summary>The default solver.</summary>
    public const string Default = "greedy";

    /// <summary>Every solver name (compare runs them all).</summary>
    public static IReadOnlyList<string> Names { get; } = ["greedy"];

    /// <summary>The solvers for <paramref name="name"/>: one, or all for "compare".</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static IReadOnlyList<IPlacementSolver> Resolve(string name, TimeProvider timeProvider)
    {
        if (string.Equals(name, "compare", StringComparison.OrdinalIgnoreCase))
        {
            var all = new List<IPlacementSolver>();
            foreach (var n in Names)
            {
                all.Add(Create(n, timeProvider));
            }

            return all;
        }

        return [Create(name, timeProvider)];
    }

    private static IPlacementSolver Create(string name, TimeProvider timeProvider) => name.ToLowerInvariant() switch
    {
        "greedy" => new InterimGreedySolver(timeProvider),
        _ => throw new ArgumentException($"unknown solver '{name}' (known: {string.Join(", ", Names)}, compare)"),
    };
}
