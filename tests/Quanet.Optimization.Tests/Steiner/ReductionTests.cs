using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class ReductionTests
{
    public static TheoryData<string> Tests => ["degree", "terminal-distance", "special-distance", "bottleneck-distance", "degree-three", "nearest-vertex", "all"];

    [Theory]
    [MemberData(nameof(Tests))]
    public void Every_reduction_keeps_the_optimum_on_random_graphs(string test)
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(4, 13);
            var g = SteinerTestGraphs.Random(seed, n, random.Next(0, 2 * n), random.Next(2, Math.Min(n, 6) + 1), maxWeight: random.Next(1, 12));
            var optimum = SteinerTestGraphs.BruteForce(g);

            var reduced = Apply(g, test);
            var reducedOptimum = reduced.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(reduced.Graph);

            Assert.True(optimum == reducedOptimum + reduced.FixedCost, $"{test}, seed {seed}: optimum {optimum}, reduced {reducedOptimum} + fixed {reduced.FixedCost}");
        }
    }

    [Fact]
    public void The_exact_special_distance_test_and_the_rounds_keep_the_optimum_on_graphs_full_of_ties()
    {
        // weights 1-3 on up to 14 nodes: most special distances tie an edge's weight, which the perturbation breaks
        var deleted = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(5, 15);
            var g = SteinerTestGraphs.Random(seed, n, random.Next(n, 3 * n), random.Next(2, 7), maxWeight: random.Next(1, 4));
            var optimum = SteinerTestGraphs.BruteForce(g);
            var rg = new ReductionGraph(g);
            SteinerReducer.RemoveUnreachable(rg);
            deleted += BottleneckDistanceTest.Apply(rg);
            var once = ReducedInstance.From(rg);
            var rounds = SteinerReducer.Reduce(g);

            Assert.True(optimum == SteinerTestGraphs.BruteForce(once.Graph) + once.FixedCost, $"one pass, seed {seed}");
            var roundsOptimum = rounds.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(rounds.Graph);
            Assert.True(optimum == roundsOptimum + rounds.FixedCost, $"rounds, seed {seed}: optimum {optimum}, reduced {roundsOptimum} + fixed {rounds.FixedCost}");
        }

        Assert.True(deleted > 400, $"the test deleted only {deleted} edges in 400 graphs");
    }

    [Fact]
    public void Rounds_that_test_only_the_merged_edges_keep_the_optimum_and_reach_the_full_passes_sizes()
    {
        // sparse graphs with weights 1-3: many rounds of deletions and degree-2 merges between contractions
        for (var seed = 0; seed < 300; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(6, 15);
            var g = SteinerTestGraphs.Random(seed, n, random.Next(n / 2, 2 * n), random.Next(2, 6), maxWeight: random.Next(1, 4));
            var optimum = SteinerTestGraphs.BruteForce(g);

            var partial = SteinerReducer.Reduce(new ReductionGraph(g), incremental: true);
            var full = SteinerReducer.Reduce(new ReductionGraph(g), incremental: false);

            foreach (var reduced in new[] { partial, full })
            {
                var reducedOptimum = reduced.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(reduced.Graph);
                Assert.True(optimum == reducedOptimum + reduced.FixedCost, $"seed {seed}: optimum {optimum}, reduced {reducedOptimum} + fixed {reduced.FixedCost}");
            }

            Assert.True(partial.Graph.NodeCount == full.Graph.NodeCount && partial.Graph.EdgeCount == full.Graph.EdgeCount,
                $"seed {seed}: {partial.Graph.NodeCount}/{partial.Graph.EdgeCount} against full passes' {full.Graph.NodeCount}/{full.Graph.EdgeCount}");
        }
    }

    [Fact]
    public void The_exact_special_distance_test_deletes_an_edge_longer_than_the_bottleneck_over_a_terminal_and_keeps_a_shortcut()
    {
        // terminals 0, 2, 4 on a path 0-1-2-3-4 of 3-unit edges, with chords 0-4 (weight 4) and 1-3 (weight 7): the
        // special distance of 1-3 is 3 (1-2-3, split at the terminal 2), so it goes; that of 0-4 is 6 (0-1-2 and
        // 2-3-4 over the terminal 2), above its weight, so it stays, and so does every path edge
        var g = new SteinerGraph(5, [(0, 1, 3), (1, 2, 3), (2, 3, 3), (3, 4, 3), (0, 4, 4), (1, 3, 7)], [0, 2, 4]);
        var rg = new ReductionGraph(g);

        var deleted = BottleneckDistanceTest.Apply(rg);

        Assert.Equal(1, deleted);
        Assert.False(rg.EdgeAlive(5));
        Assert.True(rg.EdgeAlive(4));
    }

    [Fact]
    public void The_degree_three_test_keeps_the_optimum_on_graphs_full_of_ties_pass_after_pass()
    {
        // weights 1-3: most exchanges tie; passes run to a fixed point, each on the graph the last one left
        var deleted = 0;
        for (var seed = 0; seed < 400; seed++)
        {
            var random = new Random(seed);
            var n = random.Next(5, 15);
            var g = SteinerTestGraphs.Random(seed, n, random.Next(n / 2, 2 * n), random.Next(2, 6), maxWeight: random.Next(1, 4));
            var optimum = SteinerTestGraphs.BruteForce(g);
            var rg = new ReductionGraph(g);
            SteinerReducer.RemoveUnreachable(rg);
            for (var pass = 0; pass < 10; pass++)
            {
                var now = new DegreeThreeTest(rg).Pass();
                deleted += now;
                if (now == 0)
                {
                    break;
                }

                DegreeTests.Apply(rg);
            }

            var reduced = ReducedInstance.From(rg);
            var reducedOptimum = reduced.Graph.TerminalCount <= 1 ? 0 : SteinerTestGraphs.BruteForce(reduced.Graph);
            Assert.True(optimum == reducedOptimum + reduced.FixedCost, $"seed {seed}: optimum {optimum}, reduced {reducedOptimum} + fixed {reduced.FixedCost}");
        }

        Assert.True(deleted > 100, $"the test deleted only {deleted} edges in 400 graphs");
    }

    [Fact]
    public void The_degree_three_test_exchanges_a_star_for_the_spanning_tree_of_its_ends_and_keeps_a_needed_star()
    {
        // non-terminal 0 joins terminals 1, 2, 3 with edges of 4; the terminals are joined 1-2 and 2-3 by edges of 5:
        // the spanning tree of the ends (10) beats the star (12), so one star edge goes. With 1-2 and 2-3 at 7 the
        // star (12) is cheaper than any other tree (14) and everything stays
        var cheap = new ReductionGraph(new SteinerGraph(4, [(0, 1, 4), (0, 2, 4), (0, 3, 4), (1, 2, 5), (2, 3, 5)], [1, 2, 3]));
        var dear = new ReductionGraph(new SteinerGraph(4, [(0, 1, 4), (0, 2, 4), (0, 3, 4), (1, 2, 7), (2, 3, 7)], [1, 2, 3]));

        Assert.Equal(1, new DegreeThreeTest(cheap).Pass());
        Assert.Equal(2, cheap.Degree(0));
        Assert.Equal(0, new DegreeThreeTest(dear).Pass());
        Assert.Equal(3, dear.Degree(0));
    }

    [Fact]
    public void The_degree_three_test_follows_the_path_past_a_non_terminal_whose_only_way_on_is_known()
    {
        // non-terminal 0 joins terminals 1, 2 and non-terminal 3 with edges of 3; hub 5 joins 1 and 2 (3 each), 3 (2)
        // and terminal 4 (1); 3-4 is 3. Without 0, 1 and 2 reach 3 in 5 <= 6, but the spanning tree of {1, 2, 3} (10)
        // is above the star (9). From 3 the tree could go on only to 4 (5 is reached from {1, 2} in 3, not longer
        // than 0-3): the path 0-3-4 is 6, and {1, 2} reaches 4 without it in 4, so 0-3 goes
        var g = new ReductionGraph(new SteinerGraph(6,
            [(0, 1, 3), (0, 2, 3), (0, 3, 3), (3, 4, 3), (1, 5, 3), (2, 5, 3), (5, 3, 2), (5, 4, 1)], [1, 2, 4]));

        Assert.Equal(1, new DegreeThreeTest(g).Pass());
        Assert.False(g.EdgeAlive(2));
    }

    [Fact]
    public void Reduced_solutions_map_back_to_trees_of_the_original_graph()
    {
        for (var seed = 100; seed < 140; seed++)
        {
            var g = SteinerTestGraphs.Random(seed, 40, 50, 6);
            var reduced = SteinerReducer.Reduce(g);
            var solution = SteinerSolver.Solve(reduced.Graph, new SteinerSolverOptions { Method = SteinerMethod.Heuristic, Reduce = false, TimeLimit = TimeSpan.FromSeconds(5) });

            var original = reduced.MapBack(solution.Edges);

            Assert.Equal(solution.Cost + reduced.FixedCost, SteinerTreeValidator.Validate(g, original));
        }
    }

    [Fact]
    public void Degree_two_path_is_merged_and_remembers_its_edges()
    {
        // 0 - 1 - 2 - 3 with terminals 0 and 3 and an expensive direct edge 0-3.
        var g = new SteinerGraph(4, [(0, 1, 1), (1, 2, 1), (2, 3, 1), (0, 3, 10)], [0, 3]);
        var rg = new ReductionGraph(g);

        rg.MergeDegreeTwo(1);
        rg.MergeDegreeTwo(2);
        var reduced = ReducedInstance.From(rg);

        Assert.Equal(1, reduced.Graph.EdgeCount);
        Assert.Equal(3, reduced.Graph.Weight(0));
        Assert.Equal([0, 1, 2], reduced.Origin(0).ToArray().Order());
    }

    [Fact]
    public void Nearest_vertex_test_contracts_a_terminal_into_its_near_neighbour_only_when_the_second_edge_is_long()
    {
        // Terminal 0: cheapest edge to 1 (2), second edge to 2 (5); from 1 the terminal 3 is 3 away: 5 >= 2 + 3.
        var g = new SteinerGraph(4, [(0, 1, 2), (0, 2, 5), (1, 3, 3), (2, 3, 1), (1, 2, 9)], [0, 3]);
        var shorter = new SteinerGraph(4, [(0, 1, 2), (0, 2, 4), (1, 3, 3), (2, 3, 1), (1, 2, 9)], [0, 3]);
        var rg = new ReductionGraph(g);
        var rgShorter = new ReductionGraph(shorter);

        var contracted = NearestVertexTest.Apply(rg);
        var untouched = NearestVertexTest.Apply(rgShorter);

        // 0 goes into 1, which is then a terminal whose cheapest edge reaches terminal 3: the optimum 0-1-3 (5).
        Assert.Equal(2, contracted);
        Assert.Equal([0, 2], rg.FixedEdges);
        Assert.Equal(5, rg.FixedCost);
        Assert.Equal(1, rg.TerminalCount);
        Assert.Equal(0, untouched);
    }

    private static ReducedInstance Apply(SteinerGraph g, string test)
    {
        var rg = new ReductionGraph(g);
        SteinerReducer.RemoveUnreachable(rg);
        switch (test)
        {
            case "degree":
                DegreeTests.Apply(rg);
                break;
            case "terminal-distance":
                TerminalDistanceTest.Apply(rg);
                break;
            case "special-distance":
                SpecialDistanceTest.Apply(rg);
                break;
            case "bottleneck-distance":
                BottleneckDistanceTest.Apply(rg);
                break;
            case "degree-three":
                new DegreeThreeTest(rg).Pass();
                break;
            case "nearest-vertex":
                NearestVertexTest.Apply(rg);
                break;
            default:
                return SteinerReducer.Reduce(g);
        }

        return ReducedInstance.From(rg);
    }
}
