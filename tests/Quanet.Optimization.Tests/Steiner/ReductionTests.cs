using Quanet.Optimization.Steiner;
using Quanet.Optimization.Steiner.Reductions;

namespace Quanet.Optimization.Tests.Steiner;

public sealed class ReductionTests
{
    public static TheoryData<string> Tests => ["degree", "terminal-distance", "special-distance", "nearest-vertex", "all"];

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
            case "nearest-vertex":
                NearestVertexTest.Apply(rg);
                break;
            default:
                return SteinerReducer.Reduce(g);
        }

        return ReducedInstance.From(rg);
    }
}
