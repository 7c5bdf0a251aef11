using System.Globalization;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;

namespace Quanet.Workflows.Plan;

/// <summary>One request of <see cref="PlanWorkflow"/>: the scenario and placement, then optional backhaul and security.</summary>
public sealed record PlanWorkflowRequest
{
    /// <summary>The scenario and placement goal. <value>Default the embedded default plan.</value></summary>
    public PlanRequest Scenario { get; init; } = new();

    /// <summary>The placement solvers; more than one compares them and keeps the best. Required.</summary>
    public IReadOnlyList<IPlacementSolver> Solvers { get; init; } = [];

    /// <summary>Seed of the placement solvers. <value>Default 1.</value></summary>
    public int Seed { get; init; } = 1;

    /// <summary>Time limit of the placement solve. <value>Default 30 s.</value></summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How the QUBO solvers encode the goal's inequalities (<see cref="PlacementOptions.QuboFormulation"/>). <value>Default slack bits.</value></summary>
    public QuboFormulation QuboFormulation { get; init; } = QuboFormulation.Slack;

    /// <summary>The backhaul step, or null to skip it.</summary>
    public BackhaulStepOptions? Backhaul { get; init; }

    /// <summary>The security step (needs <see cref="Backhaul"/>), or null to skip it.</summary>
    public SecurityPolicy? Security { get; init; }

    /// <summary>Every problem of the request at once, worded without any host's option names; empty when valid.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        var goal = Scenario?.Goal;
        if (Scenario is null || goal is null)
        {
            problems.Add("the scenario and its goal are required");
        }
        else
        {
            problems.AddRange(Scenario.Problems());
            if (goal.MaxSites is < 1)
            {
                problems.Add($"the number of sites must be at least 1 (got {goal.MaxSites})");
            }

            if (goal.Budget is { } b && !(b > 0 && double.IsFinite(b)))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the budget must be positive (got {b})"));
            }

            if (goal.Kind == PlacementKind.SetCover && !(goal.CoverageTarget is > 0 and <= 1))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the coverage target must be in (0, 1] (got {goal.CoverageTarget})"));
            }

            if (goal.Kind == PlacementKind.SetCover && (goal.MaxSites is not null || goal.Budget is not null))
            {
                problems.Add("set cover (a coverage target) cannot be combined with a site count or budget");
            }

            if (!(goal.OverlapPenalty >= 0) || double.IsInfinity(goal.OverlapPenalty))
            {
                problems.Add(string.Create(CultureInfo.InvariantCulture, $"the overlap penalty must be finite and non-negative (got {goal.OverlapPenalty})"));
            }
        }

        if (Solvers is not { Count: > 0 })
        {
            problems.Add("at least one placement solver is required");
        }

        if (!(TimeLimit > TimeSpan.Zero))
        {
            problems.Add($"the placement time limit must be positive (got {TimeLimit.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s)");
        }

        if (Backhaul is not null)
        {
            problems.AddRange(Backhaul.Problems());
        }

        if (Security is not null)
        {
            if (Backhaul is null)
            {
                problems.Add("the security step needs the backhaul step: it decides the protection of each backhaul link");
            }

            problems.AddRange(Security.Problems());
        }

        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="ArgumentException">Every problem, joined by "; ".</exception>
    public void Validate()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }
}
