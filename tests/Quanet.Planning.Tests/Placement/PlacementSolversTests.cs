using Quanet.Core;
using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

public sealed class PlacementSolversTests
{
    public static TheoryData<int, int, bool, bool, double> MaxCoverCases => new()
    {
        // seed, P, capacities, flags, overlap penalty
        { 1, 3, false, false, 0.0 },
        { 2, 4, false, true, 0.0 },
        { 3, 3, true, false, 0.0 },
        { 4, 4, false, false, 0.5 },
        { 5, 3, true, true, 0.25 },
    };

    [Theory]
    [MemberData(nameof(MaxCoverCases))]
    public void Cpsat_proves_the_brute_force_optimum_of_maximal_covering(int seed, int p, bool capacities, bool flags, double penalty)
    {
        var instance = SmallInstances.Random(seed, demand: 14, sites: 11, capacities: capacities, flags: flags);
        var goal = new PlacementGoal { MaxSites = p, OverlapPenalty = penalty };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;

        var result = new CpSatPlacementSolver().Solve(instance, goal, SmallInstances.Options());

        Assert.True(result.Feasible);
        Assert.True(result.Optimal);
        Assert.Equal(optimum, result.Objective, 6);
        Assert.True(result.Bound >= optimum - 1e-6);
        Assert.True(result.Sites.Length <= p);
        if (flags)
        {
            Assert.Contains(0, result.Sites);
            Assert.DoesNotContain(1, result.Sites);
        }
    }

    [Theory]
    [InlineData(11, 3)]
    [InlineData(12, 5)]
    [InlineData(13, 2)]
    public void Heuristic_and_anneal_reach_the_optimum_on_small_instances(int seed, int p)
    {
        var instance = SmallInstances.Random(seed, demand: 16, sites: 12);
        var goal = new PlacementGoal { MaxSites = p };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;

        var heuristic = new HeuristicPlacementSolver().Solve(instance, goal, SmallInstances.Options(0.5));
        var anneal = new AnnealPlacementSolver().Solve(instance, goal, SmallInstances.Options(2));

        Assert.Equal(optimum, heuristic.Objective, 6);
        Assert.Equal(optimum, anneal.Objective, 6);
        Assert.True(heuristic.Feasible && anneal.Feasible);
        Assert.True(heuristic.Bound >= optimum - 1e-6);
    }

    [Fact]
    public void Budgeted_maximal_covering_respects_costs_and_matches_brute_force()
    {
        var instance = SmallInstances.Random(21, demand: 14, sites: 11, flags: true);
        var goal = new PlacementGoal { Budget = 15 };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;

        foreach (var solver in new IPlacementSolver[] { new CpSatPlacementSolver(), new HeuristicPlacementSolver(), new AnnealPlacementSolver() })
        {
            var name = solver.Name;
            var result = solver.Solve(instance, goal, SmallInstances.Options(1));
            Assert.True(result.Cost <= 15 + 1e-9, name);
            Assert.True(result.Feasible, name);
            Assert.True(result.Objective <= optimum + 1e-9, name);
            if (name == "cpsat")
            {
                Assert.Equal(optimum, result.Objective, 6);
            }
        }
    }

    [Theory]
    [InlineData(31, 1.0, false, 0.0)]
    [InlineData(32, 0.8, false, 0.0)]
    [InlineData(33, 0.9, true, 0.0)]
    [InlineData(34, 1.0, false, 0.1)]
    public void Set_cover_solvers_find_the_minimum_cost(int seed, double target, bool capacities, double penalty)
    {
        var instance = SmallInstances.Random(seed, demand: 12, sites: 12, capacities: capacities);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover, CoverageTarget = target, OverlapPenalty = penalty };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;

        var exact = new CpSatPlacementSolver().Solve(instance, goal, SmallInstances.Options());
        var heuristic = new HeuristicPlacementSolver().Solve(instance, goal, SmallInstances.Options(0.5));

        Assert.True(exact.Optimal);
        Assert.Equal(optimum, exact.Objective, 6);
        Assert.True(heuristic.Feasible);
        Assert.True(heuristic.Objective >= optimum - 1e-9);
        Assert.True(heuristic.CoveredDemand >= (target * instance.TotalDemand) - 1e-6);
    }

    [Fact]
    public void Capacities_limit_the_covered_demand()
    {
        // two towns of 100 within reach of one site that can serve 60
        var instance = new CoverageInstance([100, 100], [1], [[0, 1]], siteCapacity: [60]);

        var result = new CpSatPlacementSolver().Solve(instance, new PlacementGoal { MaxSites = 1 }, SmallInstances.Options());

        Assert.Equal(60, result.CoveredDemand, 9);
        Assert.True(result.Optimal);
    }

    [Fact]
    public void Overlap_penalty_counts_every_extra_coverer()
    {
        // demand 0 (weight 10) is covered by all three sites: two extra coverers
        var instance = new CoverageInstance([10, 1, 1, 1], [1, 1, 1], [[0, 1], [0, 2], [0, 3]]);
        var goal = new PlacementGoal { MaxSites = 3, OverlapPenalty = 0.5 };

        var evaluation = PlacementEvaluator.Evaluate(instance, goal, [true, true, true]);
        var result = new CpSatPlacementSolver().Solve(instance, goal, SmallInstances.Options());

        Assert.Equal(20, evaluation.Overlap, 9);
        Assert.Equal(13 - (0.5 * 20), evaluation.Objective, 9);

        // one site covers 11; each extra site adds 1 and costs 5 of overlap penalty
        Assert.Single(result.Sites);
        Assert.Equal(11, result.Objective, 9);
    }

    [Fact]
    public void Budget_below_the_fixed_sites_cost_is_an_impossible_goal()
    {
        var instance = new CoverageInstance([5, 5], [4, 3], [[0], [1]], [SiteFlag.Fixed, SiteFlag.Fixed]);

        var ex = Assert.Throws<QuanetException>(() =>
            new HeuristicPlacementSolver().Solve(instance, new PlacementGoal { Budget = 5 }, SmallInstances.Options()));

        Assert.Equal("budget 5 is below the cost of the fixed sites (7)", ex.Message);
    }

    [Fact]
    public void More_fixed_sites_than_allowed_is_an_impossible_goal()
    {
        var instance = new CoverageInstance([5, 5], [1, 1], [[0], [1]], [SiteFlag.Fixed, SiteFlag.Fixed]);

        var ex = Assert.Throws<QuanetException>(() =>
            new CpSatPlacementSolver().Solve(instance, new PlacementGoal { MaxSites = 1 }, SmallInstances.Options()));

        Assert.Equal("a limit of 1 sites is below the 2 fixed sites", ex.Message);
    }

    [Fact]
    public void Unreachable_coverage_target_is_reported()
    {
        var instance = new CoverageInstance([5, 5], [1, 1], [[0], [1]], [SiteFlag.Free, SiteFlag.Forbidden]);

        var ex = Assert.Throws<QuanetException>(() =>
            new CpSatPlacementSolver().Solve(instance, new PlacementGoal { Kind = PlacementKind.SetCover }, SmallInstances.Options()));

        Assert.Equal("impossible coverage target: 100.00 % requested but every allowed site together covers 50.00 %", ex.Message);
    }

    [Fact]
    public void Same_seed_gives_the_same_anneal_result()
    {
        var instance = SmallInstances.Random(41, demand: 30, sites: 20);
        var goal = new PlacementGoal { MaxSites = 4 };

        var a = new AnnealPlacementSolver().Solve(instance, goal, SmallInstances.Options(5) with { Seed = 7 });
        var b = new AnnealPlacementSolver().Solve(instance, goal, SmallInstances.Options(5) with { Seed = 7 });

        Assert.Equal(a.Sites, b.Sites);
    }

    [Fact]
    public void Compare_runs_every_named_solver_and_skips_unavailable_ones()
    {
        var instance = SmallInstances.Random(51, demand: 10, sites: 8);
        var goal = new PlacementGoal { MaxSites = 2 };

        IPlacementSolver[] solvers =
        [
            new CpSatPlacementSolver(), new HeuristicPlacementSolver(), new AnnealPlacementSolver(),
            new QuboPlacementSolver(new SimulatedAnnealingSampler(), "qubo"), new QuboPlacementSolver(new QaoaSampler(), "qaoa", QuboPlacementSolver.QaoaMaxQubits),
        ];

        var rows = PlacementComparer.Compare(instance, goal, SmallInstances.Options(1), solvers);

        Assert.Equal(["cpsat", "heuristic", "anneal", "qubo", "qaoa"], rows.Select(r => r.Solver));
        Assert.True(rows[0].Result!.Optimal);
        foreach (var row in rows.Take(4))
        {
            Assert.True(row.Result!.Feasible);
            Assert.True(row.Result.Objective <= rows[0].Result!.Objective + 1e-9);
        }

        Assert.NotNull(rows[4].Skipped);
    }
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Quantum_path_stops_its_sampler_on_stop_and_returns_a_feasible_cover(bool samplerHasAnAnswer)
    {
        // Ctrl+C in `setcover --solver qubo` (PlacementOptions.Stop) never reached the sampler, which ran to its time
        // limit; a sampler stopped before it found anything (QAOA) leaves the repair to build the cover
        var instance = SmallInstances.Random(61, demand: 30, sites: 30);
        var goal = new PlacementGoal { Kind = PlacementKind.SetCover };
        var solver = new QuboPlacementSolver(new UntilStoppedSampler(samplerHasAnAnswer), "qubo");
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        var options = SmallInstances.Options(3600) with { Stop = stop.Token };

        var result = await Task.Run(() => solver.Solve(instance, goal, options)).WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(result.Feasible);
        Assert.False(result.Optimal);
        Assert.True(PlacementEvaluator.Evaluate(instance, goal, Selection(result.Sites, 30)).Feasible);
    }

    [Fact]
    public void Quantum_path_cancelled_is_cancelled_not_stopped()
    {
        var instance = SmallInstances.Random(61, demand: 30, sites: 30);
        var solver = new QuboPlacementSolver(new UntilStoppedSampler(answers: false), "qubo");
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => solver.Solve(instance, new PlacementGoal { Kind = PlacementKind.SetCover }, SmallInstances.Options(3600), cancel.Token));
    }

    private static bool[] Selection(int[] chosen, int sites)
    {
        var selection = new bool[sites];
        foreach (var j in chosen)
        {
            selection[j] = true;
        }

        return selection;
    }
    // a sampler on a QUBO too large to finish soon: it samples until stopped, then answers with the state of all
    // ones (every column: a cover) marked interrupted, or, like QAOA, with nothing
    private sealed class UntilStoppedSampler(bool answers) : ISampler
    {
        public string Name => "until-stopped";

        public SampleSet Sample(Quanet.Optimization.Qubo.BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
        {
            Assert.True(cancellationToken.WaitHandle.WaitOne(TimeSpan.FromMinutes(1)), "the sampler was never stopped");
            if (!answers)
            {
                throw new OperationCanceledException(cancellationToken);
            }

            var state = new sbyte[model.VariableCount];
            Array.Fill(state, (sbyte)1);
            return new SampleSet(model.Vartype, [new Sample(state, model.Energy(state))], new SamplerStatistics(Name, TimeSpan.Zero, TimeSpan.Zero, 1, 0, false, false, Interrupted: true));
        }
    }
}
