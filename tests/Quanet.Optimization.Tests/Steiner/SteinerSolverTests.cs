using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Testing;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class SteinerSolverTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Exact_solver_matches_brute_force(bool reduce)
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(5, 14);
            var g = SteinerTestGraphs.Random(1000 + seed, n, random.Next(n, 3 * n), random.Next(2, 6));
            var optimum = SteinerTestGraphs.BruteForce(g);

            var s = SteinerSolver.Solve(g, new SteinerSolverOptions { Reduce = reduce, TimeLimit = TimeSpan.FromSeconds(30) });

            Assert.True(s.Optimal, $"seed {seed}: not proven optimal, bound {s.LowerBound} cost {s.Cost}");
            Assert.Equal(optimum, s.Cost);
            Assert.Equal(optimum, SteinerTreeValidator.Validate(g, s.Edges));
        }
    }

    [Fact]
    public void Heuristic_gives_valid_trees_no_cheaper_than_the_optimum_with_a_valid_bound()
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var g = SteinerTestGraphs.Random(2000 + seed, 12, 20, 5);
            var optimum = SteinerTestGraphs.BruteForce(g);

            var s = SteinerSolver.Solve(g, new SteinerSolverOptions { Method = SteinerMethod.Heuristic, TimeLimit = TimeSpan.FromSeconds(5) });

            Assert.InRange(s.Cost, optimum, 2 * optimum);
            Assert.InRange(s.LowerBound, 0, optimum);
        }
    }

    [Fact]
    public void Mehlhorn_tree_is_within_twice_the_optimum()
    {
        for (var seed = 0; seed < 25; seed++)
        {
            var g = SteinerTestGraphs.Random(3000 + seed, 13, 25, 6);
            var optimum = SteinerTestGraphs.BruteForce(g);
            var ws = new TreeWorkspace(g);
            var mask = new bool[g.NodeCount];
            var weights = Enumerable.Range(0, g.EdgeCount).Select(e => g.Weight(e)).ToArray();

            MehlhornHeuristic.Run(ws, weights, mask);
            var nodes = Enumerable.Range(0, g.NodeCount).Where(v => mask[v]).ToList();
            var edges = new List<int>();
            var cost = TreeOps.Build(ws, mask, nodes, edges);

            Assert.Equal(cost, SteinerTreeValidator.Validate(g, edges));
            Assert.InRange(cost, optimum, 2 * optimum);
        }
    }

    [Fact]
    public void Dual_ascent_bound_never_exceeds_the_optimum()
    {
        for (var seed = 0; seed < 40; seed++)
        {
            var g = SteinerTestGraphs.Random(4000 + seed, 12, 18, 5);
            var optimum = SteinerTestGraphs.BruteForce(g);

            var dual = DualAscent.Run(g, g.Terminals[0], () => false);

            Assert.InRange(dual.LowerBound, 0, optimum);
        }
    }

    [Fact]
    public void Same_seed_gives_the_same_tree()
    {
        var g = SteinerTestGraphs.Random(77, 200, 300, 15);
        // A round budget, so that the heuristic stops by work, not at a deadline a loaded machine may reach.
        var options = new SteinerSolverOptions { Method = SteinerMethod.Heuristic, Seed = 5, TimeLimit = TimeSpan.FromSeconds(30), HeuristicRounds = 100 };

        var a = SteinerSolver.Solve(g, options);
        var b = SteinerSolver.Solve(g, options);

        Assert.Equal(a.Edges, b.Edges);
    }

    [Fact]
    public void Solves_a_pace_instance_to_its_published_optimum()
    {
        // PACE 2018 track 1 instance001 (shipped in examples/), optimum 503 (optima.csv of the public instance set).
        var path = SharedBenchmarks.Example("steiner/instance001.gr");
        var g = StpReader.ReadFile(path);

        var s = SteinerSolver.Solve(g, new SteinerSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) });

        Assert.True(s.Optimal);
        Assert.Equal(503, s.Cost);
    }

    [Theory]
    [InlineData(SteinerMethod.Exact)]
    [InlineData(SteinerMethod.Heuristic)]
    public void Cancellation_returns_a_checked_tree_marked_interrupted_instead_of_running_to_the_limit(SteinerMethod method)
    {
        // Ctrl+C before the search gets anywhere: the solve still returns a tree (checked against the instance by
        // the solver) with a bound no higher than its cost, and says it was interrupted
        var g = StpReader.ReadFile(SharedBenchmarks.Example("steiner/instance057.gr"));
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var s = SteinerSolver.Solve(g, new SteinerSolverOptions { Method = method, TimeLimit = TimeSpan.FromMinutes(30), Cancellation = cancel.Token });

        Assert.True(s.Interrupted);
        Assert.Equal(SteinerTreeValidator.Validate(g, [.. s.Edges]), s.Cost);
        Assert.InRange(s.LowerBound, 0, s.Cost);
        Assert.True(s.Elapsed < TimeSpan.FromMinutes(30), $"{s.Elapsed}");
    }
}
