namespace Quanet.Server.Plans;

/// <summary>One solver's row of a <c>compare</c> run (<see cref="PlanSummary.Comparison"/>).</summary>
/// <param name="Solver">The solver's name.</param>
/// <param name="Objective">Its objective, or null when it did not run.</param>
/// <param name="Sites">Sites it chose, or null when it did not run.</param>
/// <param name="Cost">Their cost, or null when it did not run.</param>
/// <param name="Feasible">Whether its result meets the goal.</param>
/// <param name="Optimal">Whether it proved optimality.</param>
/// <param name="GapToBestBound">Relative gap to the best bound of any solver, or null.</param>
/// <param name="Seconds">Its solve time, or null when it did not run.</param>
/// <param name="Skipped">Why it did not run, or null.</param>
internal sealed record PlanSolverRow(string Solver, double? Objective, int? Sites, double? Cost, bool Feasible, bool Optimal, double? GapToBestBound, double? Seconds, string? Skipped)
{
    /// <summary>The row of one comparison entry.</summary>
    public static PlanSolverRow From(Quanet.Planning.Placement.PlacementComparison row) => row.Result is { } r
        ? new(row.Solver, r.Objective, r.Sites.Length, r.Cost, r.Feasible, r.Optimal, row.GapToBestBound, r.Elapsed.TotalSeconds, null)
        : new(row.Solver, null, null, null, false, false, null, null, row.Skipped);
}
