using System.Globalization;
using Quanet.Cli.Infrastructure;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
using Quanet.Workflows.Solvers;

namespace Quanet.Cli.Commands.Plan;

/// <summary>Turns the options of <c>quanet plan</c> into one workflow request, every usage problem reported together first.</summary>
internal static class PlanRequestBuilder
{
    public static PlanWorkflowRequest Build(CommandContext ctx, PlanOptions o)
    {
        var sites = ctx.Get(o.Sites);
        var budget = ctx.Get(o.Budget);
        var target = ctx.Get(o.Target);
        var overlap = ctx.Get(o.OverlapPenalty);
        var seconds = ctx.Get(o.Time);
        var backhaul = ctx.Get(o.Backhaul);
        var secure = ctx.Get(o.Secure);
        var pops = ctx.Get(o.BackhaulPops);
        var rate = ctx.Get(o.RequiredRate);
        var problems = new List<string>();
        Check(problems, sites is not < 1, $"--sites must be at least 1 (got {sites})");
        Check(problems, budget is not { } b || b > 0, $"--budget must be positive (got {budget})");
        Check(problems, target is not { } t || t is > 0 and <= 1, $"--target must be in (0, 1] (got {target})");
        Check(problems, overlap >= 0 && !double.IsInfinity(overlap), $"--overlap-penalty must be finite and non-negative (got {overlap})");
        Check(problems, target is null || (sites is null && budget is null), "--target (set cover) cannot be combined with --sites or --budget");
        Check(problems, seconds > 0, $"--time must be positive (got {seconds})");
        Check(problems, !backhaul || pops >= 1, $"--backhaul-pops must be at least 1, got {pops}");
        Check(problems, !secure || backhaul, "--secure needs --backhaul: it decides the protection of each backhaul link");
        Check(problems, !secure || (rate > 0 && double.IsFinite(rate)), $"--required-rate must be > 0 bit/s, got {rate.ToString(CultureInfo.InvariantCulture)}");
        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        var country = ctx.Get(o.Country)!;
        var admin1 = ctx.Get(o.Admin1);
        if (admin1 is null && string.Equals(country, "DE", StringComparison.OrdinalIgnoreCase))
        {
            admin1 = "02";
        }
        else if (string.Equals(admin1, "all", StringComparison.OrdinalIgnoreCase))
        {
            admin1 = null;
        }

        var goal = target is { } tt
            ? new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = tt, OverlapPenalty = overlap }
            : new PlacementGoal { MaxSites = sites ?? (budget is null ? PlanRequest.DefaultSites : null), Budget = budget, OverlapPenalty = overlap };
        return new PlanWorkflowRequest
        {
            Scenario = new PlanRequest
            {
                Country = country,
                Admin1 = admin1,
                BandMegahertz = ctx.Get(o.Band),
                Model = ctx.Get(o.Model)!,
                SpacingKilometres = ctx.Get(o.Spacing),
                SiteHeightMetres = ctx.Get(o.Height),
                SiteCapacity = ctx.Get(o.Capacity),
                DemandFile = ctx.Get(o.Demand)?.FullName,
                CandidatesFile = ctx.Get(o.Candidates)?.FullName,
                Goal = goal,
            },
            Solvers = SolverCatalogue.Placement.Resolve(ctx.Get(o.Solver)!),
            Seed = ctx.Get(o.Seed),
            TimeLimit = TimeSpan.FromSeconds(seconds),
            Backhaul = backhaul ? new BackhaulStepOptions { PopCount = pops } : null,
            Security = secure ? new SecurityPolicy { RequiredRateBitsPerSecond = rate } : null,
        };
    }

    private static void Check(List<string> problems, bool ok, string problem)
    {
        if (!ok)
        {
            problems.Add(problem);
        }
    }
}
