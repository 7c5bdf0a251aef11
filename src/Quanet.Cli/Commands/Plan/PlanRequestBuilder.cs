using Quanet.Cli.Infrastructure;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Plan;

/// <summary>Turns the options of <c>quanet plan</c> into one workflow request, after the parser has checked every option.</summary>
internal static class PlanRequestBuilder
{
    public static PlanWorkflowRequest Build(CommandContext ctx, PlanOptions o)
    {
        var sites = ctx.Get(o.Sites);
        var budget = ctx.Get(o.Budget);
        var target = ctx.Get(o.Target);
        var overlap = ctx.Get(o.OverlapPenalty);
        var country = ctx.Get(o.Country)!;
        var goal = target is { } tt
            ? new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = tt, OverlapPenalty = overlap }
            : new PlacementGoal { MaxSites = sites ?? (budget is null ? PlanRequest.DefaultSites : null), Budget = budget, OverlapPenalty = overlap };
        return new PlanWorkflowRequest
        {
            Scenario = new PlanRequest
            {
                Country = country,
                Admin1 = PlanRequest.ResolveAdmin1(country, ctx.Get(o.Admin1)),
                BandMegahertz = ctx.Get(o.Band),
                Model = ctx.Get(o.Model)!,
                AllowExtrapolation = ctx.Get(o.AllowExtrapolation),
                SpacingKilometres = ctx.Get(o.Spacing),
                SiteHeightMetres = ctx.Get(o.Height),
                UserHeightMetres = ctx.Get(o.ReceiverHeight),
                DemFiles = ctx.Get(o.Dem) is { } dem ? PlanOptions.DemFiles(dem) : null,
                SiteCapacity = ctx.Get(o.Capacity),
                RegionFile = ctx.Get(o.Region)?.FullName,
                DemandFile = ctx.Get(o.Demand)?.FullName,
                CandidatesFile = ctx.Get(o.Candidates)?.FullName,
                PopulationFile = ctx.Get(o.Population)?.FullName,
                DemandModel = Enum.Parse<Planning.Population.DemandModel>(ctx.Get(o.DemandModel)!, ignoreCase: true),
                CellSizeKilometres = ctx.Get(o.CellSize),
                Goal = goal,
                Capacity = o.CapacityOptions.Build(ctx),
                LinkBudget = o.CapacityOptions.LinkBudget(ctx),
            },
            Solvers = string.Equals(ctx.Get(o.Solver), HybridPlacementSolver.SolverName, StringComparison.OrdinalIgnoreCase)
                ? [SolverCatalogue.HybridPlacement(ctx.Get(o.Hybrid.SubSolver)!, ctx.Get(o.Hybrid.SubSize), ctx.Get(o.Hybrid.Subproblems))]
                : SolverCatalogue.Placement.Resolve(ctx.Get(o.Solver)!),
            Seed = ctx.Get(o.Seed),
            TimeLimit = TimeSpan.FromSeconds(ctx.Get(o.Time)),
            QuboFormulation = Qubo.FormulationOptions.Parse(ctx.Get(o.Formulation)!),
            Backhaul = ctx.Get(o.Backhaul) ? new BackhaulStepOptions { PopCount = ctx.Get(o.BackhaulPops) } : null,
            Security = ctx.Get(o.Secure) ? new SecurityPolicy { RequiredRateBitsPerSecond = ctx.Get(o.RequiredRate) } : null,
        };
    }
}
