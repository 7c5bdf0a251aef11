using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;
using Quanet.Planning.Placement;

namespace Quanet.Planning.Tests.Placement;

public sealed class PlacementQuboTests
{
    [Theory]
    [InlineData(PlacementKind.MaximalCovering, 0.0)]
    [InlineData(PlacementKind.MaximalCovering, 0.5)]
    [InlineData(PlacementKind.SetCover, 0.0)]
    public void Qubo_ground_state_decodes_to_the_brute_force_optimum(PlacementKind kind, double penalty)
    {
        // 4 sites, 4 demand points: small enough to enumerate every state of the penalised QUBO
        var instance = new CoverageInstance([30, 20, 25, 10], [3, 2, 4, 1], [[0, 1], [1, 2], [2, 3], [0, 3]]);
        var goal = kind == PlacementKind.SetCover
            ? new PlacementGoal { Kind = kind, OverlapPenalty = penalty }
            : new PlacementGoal { MaxSites = 2, OverlapPenalty = penalty };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;
        var qubo = PlacementQubo.Build(instance, goal);
        Assert.True(qubo.VariableCount <= 22, $"{qubo.VariableCount} variables");

        var ground = GroundState(qubo.Qubo.Model);
        var evaluation = PlacementEvaluator.Evaluate(instance, goal, qubo.Decode(ground));

        Assert.True(evaluation.Feasible);
        Assert.Equal(optimum, evaluation.Objective, 9);
        Assert.Empty(qubo.Qubo.Check(ground));
    }

    [Fact]
    public void Infeasible_sample_is_repaired_and_reported()
    {
        var instance = SmallInstances.Random(61, demand: 10, sites: 6);
        var goal = new PlacementGoal { MaxSites = 2 };
        var solver = new QuboPlacementSolver(new AllOnesSampler(), "qubo");

        var result = solver.Solve(instance, goal, SmallInstances.Options());

        Assert.True(result.Repaired);
        Assert.True(result.Feasible);
        Assert.Equal(2, result.Sites.Length);
        Assert.Null(result.Bound);
        Assert.False(result.Optimal);
    }

    [Fact]
    public void Qubo_solver_with_the_annealing_sampler_returns_a_feasible_selection()
    {
        var instance = SmallInstances.Random(62, demand: 12, sites: 8);
        var goal = new PlacementGoal { MaxSites = 3 };
        var optimum = SmallInstances.BruteForce(instance, goal)!.Value;

        var result = new QuboPlacementSolver(new SimulatedAnnealingSampler(), "qubo").Solve(instance, goal, SmallInstances.Options(5));

        Assert.True(result.Feasible);
        Assert.True(result.Objective <= optimum + 1e-9);
        Assert.True(result.Sites.Length <= 3);
    }

    [Fact]
    public void Qaoa_solves_a_tiny_instance_and_refuses_a_large_one()
    {
        // 3 sites, 3 demand points, one site: the QUBO fits in the state-vector simulator
        var tiny = new CoverageInstance([5, 3, 4], [1, 1, 1], [[0], [0, 1], [2]]);
        var goal = new PlacementGoal { MaxSites = 1 };
        var optimum = SmallInstances.BruteForce(tiny, goal)!.Value;

        var result = new QuboPlacementSolver(new QaoaSampler(), "qaoa", QuboPlacementSolver.QaoaMaxQubits).Solve(tiny, goal, SmallInstances.Options(20));
        var ex = Assert.Throws<SolverUnavailableException>(() =>
            new QuboPlacementSolver(new QaoaSampler(), "qaoa", QuboPlacementSolver.QaoaMaxQubits).Solve(SmallInstances.Random(63, demand: 12, sites: 10), goal, SmallInstances.Options()));

        Assert.True(result.Feasible);
        Assert.True(result.Objective <= optimum + 1e-9);
        Assert.Contains("at most 20 qubits", ex.Message, StringComparison.Ordinal);
    }

    private static sbyte[] GroundState(BinaryQuadraticModel model)
    {
        var n = model.VariableCount;
        var state = new sbyte[n];
        var best = new sbyte[n];
        var bestEnergy = double.PositiveInfinity;
        for (var mask = 0L; mask < 1L << n; mask++)
        {
            for (var i = 0; i < n; i++)
            {
                state[i] = (sbyte)((mask >> i) & 1);
            }

            var energy = model.Energy(state);
            if (energy < bestEnergy - 1e-9)
            {
                bestEnergy = energy;
                state.CopyTo(best, 0);
            }
        }

        return best;
    }

    private sealed class AllOnesSampler : ISampler
    {
        public string Name => "ones";

        public SampleSet Sample(BinaryQuadraticModel model, SamplerOptions options, CancellationToken cancellationToken = default)
        {
            var state = new sbyte[model.VariableCount];
            Array.Fill(state, (sbyte)1);
            return new SampleSet(model.Vartype, [new Sample(state, model.Energy(state))], default);
        }
    }
}
