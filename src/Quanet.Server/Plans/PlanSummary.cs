namespace Quanet.Server.Plans;

/// <summary>The figures of a job's result.</summary>
internal sealed record PlanSummary
{
    public required double Objective { get; init; }

    public double? Bound { get; init; }

    public double? Gap { get; init; }

    public required bool Optimal { get; init; }

    public required string Solver { get; init; }

    public required int Sites { get; init; }

    public required double Cost { get; init; }

    /// <summary>People in the demand.</summary>
    public required double Population { get; init; }

    public required double CoveredPopulation { get; init; }

    public required double SolveSeconds { get; init; }

    /// <summary>Backhaul links, or null without the step.</summary>
    public int? BackhaulLinks { get; init; }

    public double? BackhaulLengthKm { get; init; }

    /// <summary>Links per protection mode, or null without the step.</summary>
    public IReadOnlyDictionary<string, int>? SecurityModes { get; init; }

    /// <summary>Every solver's row when the job compared solvers (<c>solver: compare</c>), else null.</summary>
    public IReadOnlyList<PlanSolverRow>? Comparison { get; init; }

    /// <summary>The summary of a workflow result.</summary>
    public static PlanSummary From(Quanet.Workflows.Plan.PlanWorkflowResult result)
    {
        var r = result.Plan.Result;
        return new PlanSummary
        {
            Objective = r.Objective,
            Bound = r.Bound,
            Gap = r.Gap,
            Optimal = r.Optimal,
            Solver = r.Solver,
            Sites = r.Sites.Length,
            Cost = r.Cost,
            Population = result.Plan.TotalWeight,
            CoveredPopulation = result.Plan.CoveredWeight,
            SolveSeconds = r.Elapsed.TotalSeconds,
            BackhaulLinks = result.Backhaul?.Links.Count,
            BackhaulLengthKm = result.Backhaul?.TotalLengthKm,
            SecurityModes = result.Security?.Links.GroupBy(l => l.Decision.Mode.ToString()).ToDictionary(g => g.Key, g => g.Count()),
            Comparison = result.Plan.Results.Count > 1 ? [.. result.Plan.Results.Select(PlanSolverRow.From)] : null,
        };
    }
}
