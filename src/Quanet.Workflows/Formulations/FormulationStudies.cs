using Quanet.Core;
using Quanet.Optimization.Qubo.Constraints;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Qubo;
using Quanet.Planning.Placement;
using Quanet.Planning.Presolve;
using Quanet.Planning.Scenario;

namespace Quanet.Workflows.Formulations;

/// <summary>
/// Compares QUBO formulations of one instance (<c>quanet qubo formulate</c>, the bench's qubo-formulations suite):
/// variables, couplers, density and the feasibility rate of a fixed simulated-annealing budget, against the optimum
/// (given, or from the exact solver within a time limit).
/// </summary>
public static class FormulationStudies
{
    /// <summary>Every formulation, in the order the reports list them.</summary>
    public static IReadOnlyList<QuboFormulation> All { get; } = [QuboFormulation.Slack, QuboFormulation.Unbalanced, QuboFormulation.Equality];

    /// <summary>
    /// The placement instance of a plan request after the presolve that <c>quanet plan</c> runs (the solvers, and so
    /// the QUBO solvers, see this one).
    /// </summary>
    /// <exception cref="QuanetException">The scenario cannot be built or the goal cannot be met.</exception>
    public static (CoverageInstance Instance, PlacementGoal Goal) PlanInstance(PlanRequest request, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scenario = ScenarioBuilder.Build(request, time ?? TimeProvider.System);
        GoalValidator.Check(scenario.Instance, request.Goal);
        var presolve = Presolver.Run(scenario.Instance, request.Goal);
        return (presolve.Reduced, presolve.ReducedGoal);
    }

    /// <summary>
    /// Builds <paramref name="formulations"/> of <paramref name="goal"/> on <paramref name="instance"/> and measures each
    /// with <paramref name="sampling"/>. <paramref name="optimum"/>: the value to compare with, or null to run CP-SAT for
    /// <paramref name="referenceLimit"/> (seed of <paramref name="sampling"/>).
    /// </summary>
    public static FormulationStudy Placement(CoverageInstance instance, PlacementGoal goal, IReadOnlyList<QuboFormulation> formulations, FormulationSampling sampling, double? optimum, TimeSpan referenceLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(formulations);
        ArgumentNullException.ThrowIfNull(sampling);
        var source = "given";
        if (optimum is null)
        {
            var reference = new CpSatPlacementSolver().Solve(instance, goal, new PlacementOptions { Seed = sampling.Seed, TimeLimit = referenceLimit, Threads = 1 }, cancellationToken);
            optimum = reference.Feasible ? reference.Objective : null;
            source = reference.Optimal ? "cpsat (proven optimal)" : "cpsat (best found, not proven)";
        }

        var reports = new List<FormulationReport>();
        var notes = new List<string>();
        foreach (var formulation in formulations)
        {
            PlacementQubo qubo;
            try
            {
                qubo = PlacementQubo.Build(instance, goal, formulation);
            }
            catch (SolverUnavailableException ex)
            {
                notes.Add($"{PlacementQubo.FormulationName(formulation)}: {ex.Message}");
                continue;
            }

            if (formulation == QuboFormulation.Equality && EqualsSlack(instance, goal))
            {
                notes.Add("equality: no constraint of this goal is an equality at an optimum, so the model is the slack one");
            }

            reports.Add(qubo.Measure(optimum, sampling, cancellationToken));
        }

        var problem = goal.Kind == PlacementKind.SetCover ? "set cover" : "maximal covering";
        return new FormulationStudy(problem, reports, optimum, source, notes);
    }

    /// <summary>
    /// Builds the QUBO of <paramref name="graph"/> after its reductions (<see cref="SteinerQubo.BuildReduced"/>) and
    /// measures it; objectives are costs of the whole instance. <paramref name="optimum"/>: given, or from the exact
    /// solver within <paramref name="referenceLimit"/>.
    /// </summary>
    /// <exception cref="QuanetException">The reductions solve the instance entirely.</exception>
    public static FormulationStudy Steiner(SteinerGraph graph, FormulationSampling sampling, long? optimum, TimeSpan referenceLimit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(sampling);
        var source = "given";
        if (optimum is null)
        {
            var exact = SteinerSolver.Solve(graph, new SteinerSolverOptions { Method = SteinerMethod.Exact, TimeLimit = referenceLimit, Seed = sampling.Seed, Cancellation = cancellationToken });
            optimum = exact.Cost;
            source = exact.Cost == exact.LowerBound ? "exact (proven optimal)" : "exact (best found, not proven)";
        }

        var (qubo, fixedCost) = SteinerQubo.BuildReduced(graph, sampling.Seed);
        var report = qubo.Measure(optimum - fixedCost, sampling, cancellationToken);
        report = report with { BestObjective = report.BestObjective + fixedCost, Optimum = optimum };
        return new FormulationStudy("steiner", [report], optimum, source, ["the Steiner QUBO has equality constraints only (and x <= d as x(1 - d)): slack, unbalanced and equality give this same model"]);
    }

    // the equality formulation differs from slack only for a site count that more sites never hurt
    private static bool EqualsSlack(CoverageInstance instance, PlacementGoal goal)
    {
        if (goal.Kind == PlacementKind.SetCover || goal.MaxSites is null || goal.Budget is not null || goal.OverlapPenalty != 0)
        {
            return true;
        }

        var free = 0;
        var fixedCount = 0;
        foreach (var flag in instance.SiteFlags)
        {
            free += flag == SiteFlag.Free ? 1 : 0;
            fixedCount += flag == SiteFlag.Fixed ? 1 : 0;
        }

        return free < goal.MaxSites.Value - fixedCount;
    }
}
