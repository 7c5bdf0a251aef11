using Quanet.Cli.Infrastructure;
using Quanet.Planning.Placement;
using Quanet.Planning.Reporting;
using Quanet.Planning.Scenario;
using Spectre.Console;

namespace Quanet.Cli.Commands.Plan;

/// <summary>The body of <c>quanet plan</c>.</summary>
internal static class PlanRunner
{
    public static async Task<int> Run(CommandContext ctx, PlanOptions o, IReadOnlyList<IPlanExtension> extensions, TimeProvider time, CancellationToken ct)
    {
        var request = BuildRequest(ctx, o);
        var solvers = PlanSolvers.Resolve(ctx.Get(o.Solver)!);
        var json = ctx.Get(o.Json);
        var outDir = ctx.Get(o.Out)!.FullName;

        var scenario = ScenarioBuilder.Build(request, time);
        var plan = await Solve(ctx, scenario, solvers, new PlacementOptions { Seed = ctx.Get(o.Seed), TimeLimit = TimeSpan.FromSeconds(ctx.Get(o.Time)) }, json, ct);

        Directory.CreateDirectory(outDir);
        var report = new PlanReport(plan);
        var extra = new Dictionary<string, object?>();
        var files = new[] { Path.Combine(outDir, "plan.geojson"), Path.Combine(outDir, "plan.html"), Path.Combine(outDir, "plan.png") };

        // extensions (backhaul, security) read the plan directory like their own commands do
        PlanGeoJsonWriter.Save(plan, files[0]);
        foreach (var extension in extensions)
        {
            extension.Apply(ctx, report, outDir, extra, ct);
        }

        report.Save(files[1]);
        PlanPngWriter.Save(plan, files[2]);

        if (json)
        {
            var doc = PlanJson.Create(plan, files);
            foreach (var (key, value) in extra)
            {
                doc[key] = value;
            }

            ctx.WriteJson(doc);
        }
        else
        {
            PlanText.Write(ctx.Console, plan, files);
        }

        return ExitCodes.Success;
    }

    private static PlanRequest BuildRequest(CommandContext ctx, PlanOptions o)
    {
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

        var sites = ctx.Get(o.Sites);
        var budget = ctx.Get(o.Budget);
        var target = ctx.Get(o.Target);
        var problems = new List<string>();
        if (sites is < 1)
        {
            problems.Add($"--sites must be at least 1 (got {sites})");
        }

        if (budget is { } b && !(b > 0))
        {
            problems.Add($"--budget must be positive (got {b})");
        }

        if (target is { } t && !(t is > 0 and <= 1))
        {
            problems.Add($"--target must be in (0, 1] (got {t})");
        }

        var overlap = ctx.Get(o.OverlapPenalty);
        if (!(overlap >= 0) || double.IsInfinity(overlap))
        {
            problems.Add($"--overlap-penalty must be finite and non-negative (got {overlap})");
        }

        if (target is not null && (sites is not null || budget is not null))
        {
            problems.Add("--target (set cover) cannot be combined with --sites or --budget");
        }

        if (ctx.Get(o.Time) is var seconds && !(seconds > 0))
        {
            problems.Add($"--time must be positive (got {seconds})");
        }

        if (problems.Count > 0)
        {
            throw new UsageException(string.Join("; ", problems));
        }

        var goal = target is { } tt
            ? new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = tt, OverlapPenalty = overlap }
            : new PlacementGoal { MaxSites = sites ?? (budget is null ? PlanRequest.DefaultSites : null), Budget = budget, OverlapPenalty = overlap };
        return new PlanRequest
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
        };
    }

    private static async Task<Planning.Scenario.Plan> Solve(CommandContext ctx, PlanScenario scenario, IReadOnlyList<IPlacementSolver> solvers, PlacementOptions options, bool json, CancellationToken ct)
    {
        if (json || !ctx.Console.Profile.Capabilities.Interactive)
        {
            return Planner.Solve(scenario, solvers, options, ct);
        }

        Planning.Scenario.Plan? plan = null;
        await ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("solving", maxValue: options.TimeLimit.TotalSeconds);
                var reporter = new Progress<PlacementProgress>(p =>
                {
                    task.Value = Math.Min(task.MaxValue, p.Elapsed.TotalSeconds);
                    task.Description = $"incumbent {p.Incumbent:N0}" + (p.Bound is { } b ? $"  bound {b:N0}" : string.Empty);
                });
                plan = await Task.Run(() => Planner.Solve(scenario, solvers, options with { Progress = reporter }, ct), ct);
                task.Value = task.MaxValue;
            });
        return plan!;
    }
}
