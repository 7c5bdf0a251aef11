using Quanet.Planning.Artifacts;
using Quanet.Planning.Placement;
using Quanet.Planning.Scenario;
using Quanet.Security.Planning;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Workflows.Tests.Plan;

public sealed class PlanWorkflowTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-plan-workflow-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task The_default_plan_with_backhaul_and_security_is_proven_and_reads_back_from_its_directory()
    {
        // the default scenario (Bavaria, LTE 800, 60 sites) on the place points, the demand before the modelled
        // surface: this test is about the workflow's steps and files; CP-SAT proves it in seconds, the limit is a guard
        var request = new PlanWorkflowRequest
        {
            Scenario = new PlanRequest { DemandModel = Planning.Population.DemandModel.Places },
            Solvers = [new CpSatPlacementSolver()],
            TimeLimit = TimeSpan.FromSeconds(120),
            Backhaul = new BackhaulStepOptions(),
            Security = new SecurityPolicy(),
        };
        var stages = new List<PlanStage>();

        var result = await new PlanWorkflow().RunAsync(request, new SyncProgress(p => stages.Add(p.Stage)));
        PlanArtifactWriter.WritePlan(result, _dir);

        // reference: the optimum `quanet plan --demand-model places` reports for the default scenario (covered population 6,236,631)
        Assert.True(result.Plan.Result.Optimal);
        Assert.Equal(6_236_631, result.Plan.CoveredWeight, 6);
        Assert.Equal(PlanRequest.DefaultSites, result.Sites.Sites.Count);
        Assert.Equal([PlanStage.Scenario, PlanStage.Placement, PlanStage.Backhaul, PlanStage.Security], stages.Distinct());
        var design = result.Backhaul!;
        Assert.Equal(PlanRequest.DefaultSites, design.Links.Count);
        Assert.True(design.Optimal);
        Assert.Equal(design.Links.Count, result.Security!.Links.Count);

        // the steps on the written directory agree with the steps in memory
        var read = PlanDirectory.ReadPlan(_dir);
        Assert.Equal(result.Sites.Sites, read.Sites);
        Assert.Equal(result.Sites.Demand, read.Demand);
        var again = BackhaulWorkflow.Run(new BackhaulWorkflowRequest { PlanDirectory = _dir });
        Assert.Equal(design.TotalLengthKm, again.Design.TotalLengthKm, 6);
        Assert.Equal(result.Security.Links, SecureWorkflow.Run(_dir, new SecurityPolicy()).Decisions.Links);
        Assert.Equal(result.Security.Links, SecurityJsonReader.Read(Path.Combine(_dir, SecurityJsonReader.FileName)).Links);
        Assert.Equal(result.Security.Count(LinkSecurityMode.QkdDirect), SecurityGeoJsonReader.Read(Path.Combine(_dir, SecurityGeoJsonReader.FileName)).Links.Count(l => l.Mode == LinkSecurityMode.QkdDirect));
    }

    [Fact]
    public async Task Cancelled_during_placement_it_returns_the_best_plan_so_far_marked_interrupted()
    {
        // cancelled from the progress callback at the first incumbent: no timing involved
        using var cancel = new CancellationTokenSource();
        double? first = null;
        var request = new PlanWorkflowRequest
        {
            Solvers = [new CpSatPlacementSolver()],
            TimeLimit = TimeSpan.FromSeconds(120),
            Backhaul = new BackhaulStepOptions(),
        };

        var result = await new PlanWorkflow().RunAsync(request, new SyncProgress(p =>
        {
            if (p.Incumbent is { } incumbent && first is null)
            {
                first = incumbent;
                cancel.Cancel();
            }
        }), cancel.Token);

        Assert.True(result.Interrupted);
        Assert.True(result.Plan.Result.Feasible);
        Assert.Equal(PlanRequest.DefaultSites, result.Sites.Sites.Count);
        Assert.True(result.Plan.Result.Objective >= first!.Value - 1e-6);
        Assert.Null(result.Backhaul);
        PlanArtifactWriter.WritePlan(result, _dir);
        Assert.Equal(result.Sites.Sites, PlanDirectory.ReadPlan(_dir).Sites);
    }

    [Fact]
    public async Task Cancelled_before_placement_it_is_cancelled_with_no_result()
    {
        using var cancel = new CancellationTokenSource();
        var request = new PlanWorkflowRequest { Solvers = [new CpSatPlacementSolver()] };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new PlanWorkflow().RunAsync(request, new SyncProgress(p =>
        {
            if (p.Stage == PlanStage.Scenario)
            {
                cancel.Cancel();
            }
        }), cancel.Token));
    }

    [Fact]
    public void Every_problem_of_a_request_is_reported_together()
    {
        var request = new PlanWorkflowRequest
        {
            Scenario = new PlanRequest { Goal = new PlacementGoal { MaxSites = 0, OverlapPenalty = -1 } },
            TimeLimit = TimeSpan.Zero,
            Security = new SecurityPolicy { RequiredRateBitsPerSecond = -5 },
        };

        var ex = Assert.Throws<ArgumentException>(request.Validate);

        Assert.Equal(
            "the number of sites must be at least 1 (got 0); the overlap penalty must be finite and non-negative (got -1); "
            + "at least one placement solver is required; the placement time limit must be positive (got 0 s); "
            + "the security step needs the backhaul step: it decides the protection of each backhaul link; required key rate must be > 0 bit/s, got -5",
            ex.Message);
    }

    [Fact]
    public void Scenario_problems_are_reported_with_the_request_problems()
    {
        var request = new PlanWorkflowRequest
        {
            Scenario = new PlanRequest { BandMegahertz = 5, Model = "okumura", Goal = new PlacementGoal { MaxSites = 0 } },
        };

        var problems = request.Problems();

        Assert.Equal(
            [
                "band 5 MHz is outside 30-100000 MHz",
                $"path-loss model 'okumura' is not one of {string.Join(", ", Quanet.Planning.Radio.PathLossModels.Names)}",
                "the number of sites must be at least 1 (got 0)",
                "at least one placement solver is required",
            ],
            problems);
    }

    [Fact]
    public async Task An_invalid_request_fails_before_any_work()
    {
        var stages = new List<PlanStage>();

        await Assert.ThrowsAsync<ArgumentException>(() => new PlanWorkflow().RunAsync(new PlanWorkflowRequest(), new SyncProgress(p => stages.Add(p.Stage))));

        Assert.Empty(stages);
    }

    [Fact]
    public void Backhaul_of_a_directory_without_a_plan_names_the_missing_file()
    {
        var ex = Assert.Throws<Quanet.Core.QuanetException>(() => BackhaulWorkflow.Run(new BackhaulWorkflowRequest { PlanDirectory = _dir }));

        Assert.StartsWith(Path.Combine(_dir, PlanGeoJsonReader.FileName) + ": not found", ex.Message, StringComparison.Ordinal);
    }

    // reports arrive on the solver's threads
    private sealed class SyncProgress(Action<PlanProgress> action) : IProgress<PlanProgress>
    {
        private readonly Lock _lock = new();

        public void Report(PlanProgress value)
        {
            lock (_lock)
            {
                action(value);
            }
        }
    }
}
