using System.Diagnostics;
using System.Globalization;
using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Exact;
using Quanet.Optimization.Steiner.Heuristics;
using Quanet.Optimization.Steiner.Reductions;
using Quanet.Testing;
using Xunit.Abstractions;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class BoundReductionTests(ITestOutputHelper output)
{
    private const string Pace = "benchmarks/steiner/pace2018-track1-public";

    [Fact]
    public void Bound_based_reduction_keeps_the_optimum_and_the_incumbent_on_random_graphs()
    {
        var shrunk = 0;
        for (var seed = 0; seed < 80; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(5, 14);
            var g = SteinerTestGraphs.Random(seed, n, random.Next(0, 2 * n), random.Next(2, Math.Min(n, 6) + 1), maxWeight: random.Next(1, 12));
            var optimum = SteinerTestGraphs.BruteForce(g);
            // Odd seeds skip the classic tests first, so the bound-based step meets graphs they did not thin out.
            var reduced = seed % 2 == 0 ? SteinerReducer.Reduce(g) : SteinerReducer.Reduce(g, specialDistance: false, maxRounds: 0);
            var (tree, cost) = Incumbent(reduced.Graph, seed);

            var (bounded, incumbent, incumbentCost) = SteinerReducer.ReduceWithBound(reduced, tree, cost, () => false);

            var reducedOptimum = bounded.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(bounded.Graph);
            Assert.True(optimum == reducedOptimum + bounded.FixedCost, $"seed {seed}: optimum {optimum}, reduced {reducedOptimum} + fixed {bounded.FixedCost}");
            Assert.InRange(incumbentCost + bounded.FixedCost, optimum, cost + reduced.FixedCost);
            Assert.Equal(incumbentCost + bounded.FixedCost, SteinerTreeValidator.Validate(g, bounded.MapBack(incumbent)));
            shrunk += bounded.Graph.EdgeCount < reduced.Graph.EdgeCount ? 1 : 0;
        }

        // The test has teeth only when the bound removes something on a fair share of the graphs.
        Assert.True(shrunk >= 10, $"the bound-based reduction shrank only {shrunk} of 80 graphs");
    }

    [Fact]
    public void An_optimal_upper_bound_deletes_no_edge_of_an_optimal_tree()
    {
        // U equal to the optimum is the tightest valid bound: strictness (bound > U) must keep the optimal tree.
        for (var seed = 200; seed < 240; seed++)
        {
            var g = SteinerTestGraphs.Random(seed, 11, 14, 4, maxWeight: 6);
            var optimum = SteinerTestGraphs.BruteForce(g);
            var reduced = SteinerReducer.Reduce(g, specialDistance: false, maxRounds: 0);
            var (tree, cost) = Incumbent(reduced.Graph, seed);
            if (cost != optimum)
            {
                continue;
            }

            var (dead, deadNodes, _) = BoundBasedTest.Find(reduced.Graph, cost, roots: 4, () => false);

            foreach (var e in tree)
            {
                Assert.False(dead[e], $"seed {seed}: edge {e} of an optimal tree was marked");
                Assert.False(deadNodes[reduced.Graph.Tail(e)] || deadNodes[reduced.Graph.Head(e)], $"seed {seed}: a node of an optimal tree was marked");
            }
        }
    }

    [Fact]
    public void The_bound_based_test_reuses_the_heuristics_ascents_and_keeps_an_optimal_tree()
    {
        var reused = 0;
        for (var seed = 200; seed < 240; seed++)
        {
            var g = SteinerTestGraphs.Random(seed, 11, 14, 4, maxWeight: 6);
            var optimum = SteinerTestGraphs.BruteForce(g);
            var reduced = SteinerReducer.Reduce(g, specialDistance: false, maxRounds: 0);
            if (reduced.Graph.TerminalCount <= 1)
            {
                continue;
            }

            var runs = new DualAscentRuns(reduced.Graph);
            var (tree, cost) = SteinerHeuristic.Solve(reduced.Graph, seed, () => false, maxStarts: 8, ascentRuns: runs);
            var shared = runs.Roots.ToArray();
            if (cost != optimum || shared.Length == 0)
            {
                continue;
            }

            var (dead, deadNodes, count) = BoundBasedTest.Find(reduced.Graph, cost, roots: shared.Length, () => false, runs);

            // the heuristic's roots, and no new run
            Assert.Equal(shared, runs.Roots);
            Assert.InRange(count, 1, shared.Length);
            reused++;
            foreach (var e in tree)
            {
                Assert.False(dead[e], $"seed {seed}: edge {e} of an optimal tree was marked");
                Assert.False(deadNodes[reduced.Graph.Tail(e)] || deadNodes[reduced.Graph.Head(e)], $"seed {seed}: a node of an optimal tree was marked");
            }
        }

        Assert.True(reused >= 20, $"only {reused} of 40 graphs reached the shared test");
    }

    [Fact]
    public void Composed_reductions_map_solutions_back_to_the_original_graph()
    {
        for (var seed = 300; seed < 330; seed++)
        {
            var g = SteinerTestGraphs.Random(seed, 60, 90, 8);
            var reduced = SteinerReducer.Reduce(g);
            var (tree, cost) = Incumbent(reduced.Graph, seed);
            var (bounded, _, _) = SteinerReducer.ReduceWithBound(reduced, tree, cost, () => false);
            var (other, otherCost) = Incumbent(bounded.Graph, seed + 1);

            var original = bounded.MapBack(other);

            Assert.Equal(otherCost + bounded.FixedCost, SteinerTreeValidator.Validate(g, original));
            Assert.Equal(g.NodeCount, reduced.Original.NodeCount);
            Assert.All(bounded.NodeOrigin, v => Assert.InRange(v, 0, g.NodeCount - 1));
        }
    }

    [RequiresSharedFact(Pace)]
    public void Small_pace_instances_keep_their_published_optima()
    {
        // optima.csv of the PACE 2018 track 1 public instances; the exact solver runs on the bound-reduced graph.
        var optima = Optima();
        foreach (var name in new[] { "instance013", "instance033", "instance061", "instance073", "instance083" })
        {
            var g = StpReader.ReadFile(SharedBenchmarks.Locate($"{Pace}/{name}.gr"));
            var reduced = SteinerReducer.Reduce(g);
            var (tree, cost) = Incumbent(reduced.Graph, 1);
            var (bounded, incumbent, incumbentCost) = SteinerReducer.ReduceWithBound(reduced, tree, cost, () => false);
            var deadline = TimeProvider.System.GetTimestamp() + (10 * TimeProvider.System.TimestampFrequency);

            var exact = ExactSolver.Solve(bounded.Graph, incumbent, incumbentCost, TimeProvider.System, deadline);

            Assert.True(exact.Optimal, name);
            Assert.Equal(optima[name], exact.Cost + bounded.FixedCost);
            Assert.Equal(optima[name], SteinerTreeValidator.Validate(g, bounded.MapBack(exact.Edges)));
            output.WriteLine($"{name}: {reduced.Graph.NodeCount}/{reduced.Graph.EdgeCount} -> {bounded.Graph.NodeCount}/{bounded.Graph.EdgeCount}");
        }
    }

    /// <summary>
    /// The measurement behind bench/README.md section steiner-reductions: node/edge counts and seconds before and
    /// after the bound-based step on the instances named in QUANET_STEINER_REDUCTIONS (comma-separated; skipped
    /// when unset, as the large graphs take minutes on a loaded machine). The heuristic gets a fixed work budget.
    /// </summary>
    [RequiresSharedFact(Pace)]
    public void Measures_the_bound_based_step_on_named_pace_instances()
    {
        var names = Environment.GetEnvironmentVariable("QUANET_STEINER_REDUCTIONS");
        if (string.IsNullOrWhiteSpace(names))
        {
            output.WriteLine("QUANET_STEINER_REDUCTIONS unset: nothing measured");
            return;
        }

        var optima = Optima();
        var roots = int.TryParse(Environment.GetEnvironmentVariable("QUANET_STEINER_ROOTS"), out var r) ? r : BoundReduction.Roots;
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var g = StpReader.ReadFile(SharedBenchmarks.Locate($"{Pace}/{name}.gr"));
            var clock = Stopwatch.StartNew();
            var reduced = SteinerReducer.Reduce(g);
            var first = clock.Elapsed.TotalSeconds;
            var (tree, cost) = SteinerHeuristic.Solve(reduced.Graph, 1, () => false, maxStarts: 8);
            clock.Restart();
            var (bounded, incumbent, incumbentCost) = BoundReduction.Reduce(reduced, tree, cost, () => false, roots);
            var second = clock.Elapsed.TotalSeconds;

            Assert.Equal(incumbentCost + bounded.FixedCost, SteinerTreeValidator.Validate(g, bounded.MapBack(incumbent)));
            Assert.InRange(incumbentCost + bounded.FixedCost, optima[name], cost + reduced.FixedCost);
            Assert.InRange(bounded.Graph.EdgeCount, 0, reduced.Graph.EdgeCount);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {g.NodeCount}/{g.EdgeCount} | {reduced.Graph.NodeCount}/{reduced.Graph.EdgeCount} | {first:F2} | {cost + reduced.FixedCost} | {optima[name]} | {bounded.Graph.NodeCount}/{bounded.Graph.EdgeCount} | {bounded.Graph.TerminalCount} | {incumbentCost + bounded.FixedCost} | {second:F2} | {roots} |"));
        }
    }

    /// <summary>
    /// The exact method at 60 s on the instances named in QUANET_STEINER_EXACT, before (classic reductions,
    /// heuristic, exact solver, as the solver ran before this step existed) and after (SteinerSolver with the
    /// bound-based step). Skipped when unset: each instance takes two minutes.
    /// </summary>
    [RequiresSharedFact(Pace)]
    public void Measures_the_exact_method_at_60_s_before_and_after_the_bound_based_step()
    {
        var names = Environment.GetEnvironmentVariable("QUANET_STEINER_EXACT");
        if (string.IsNullOrWhiteSpace(names))
        {
            output.WriteLine("QUANET_STEINER_EXACT unset: nothing measured");
            return;
        }

        var optima = Optima();
        var time = TimeProvider.System;
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var g = StpReader.ReadFile(SharedBenchmarks.Locate($"{Pace}/{name}.gr"));
            var clock = Stopwatch.StartNew();
            var start = time.GetTimestamp();
            var deadline = start + (60 * time.TimestampFrequency);
            var heuristicDeadline = start + (3 * time.TimestampFrequency);
            var reduced = SteinerReducer.Reduce(g);
            var (tree, cost) = SteinerHeuristic.Solve(reduced.Graph, 1, () => time.GetTimestamp() >= heuristicDeadline);
            var before = ExactSolver.Solve(reduced.Graph, tree, cost, time, deadline);
            var beforeSeconds = clock.Elapsed.TotalSeconds;
            Assert.Equal(before.Cost + reduced.FixedCost, SteinerTreeValidator.Validate(g, reduced.MapBack(before.Edges)));

            clock.Restart();
            var after = SteinerSolver.Solve(g, new SteinerSolverOptions { TimeLimit = TimeSpan.FromSeconds(60) });
            var afterSeconds = clock.Elapsed.TotalSeconds;

            Assert.InRange(after.LowerBound, 0, optima[name]);
            Assert.InRange(before.LowerBound + reduced.FixedCost, 0, optima[name]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {optima[name]} | {before.Cost + reduced.FixedCost} | {before.LowerBound + reduced.FixedCost} | {before.Optimal} | {beforeSeconds:F1} | {after.Reduction.NodesAfter}/{after.Reduction.EdgesAfter} | {after.Cost} | {after.LowerBound} | {after.Optimal} | {afterSeconds:F1} |"));
        }
    }

    private static (int[] Edges, long Cost) Incumbent(SteinerGraph g, int seed) =>
        g.TerminalCount <= 1 ? ([], 0) : SteinerHeuristic.Solve(g, seed, () => false, maxStarts: 8);

    private static Dictionary<string, long> Optima()
    {
        var result = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(SharedBenchmarks.Locate($"{Pace}/optima.csv")).Skip(1))
        {
            var parts = line.Split(',');
            result[parts[0]] = long.Parse(parts[1], CultureInfo.InvariantCulture);
        }

        return result;
    }
}
