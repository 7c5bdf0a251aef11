using Quanet.Optimization.Exact;
using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Qubo.Formats;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Tests.MaxCut;

public sealed class MaxCutSolverTests
{
    [Fact]
    public void Cut_equals_half_of_weight_minus_energy()
    {
        var graph = GsetFormat.Parse("4 4\n1 2 1\n2 3 1\n3 4 -1\n4 1 2\n", "g.txt");
        sbyte[] spins = [1, -1, 1, 1];

        Assert.Equal(2.0, graph.CutValue(spins));
        Assert.Equal(graph.CutValue(spins), MaxCutSolver.CutFromEnergy(graph, graph.ToMaxCutIsing().Energy(spins)));
        Assert.Equal(graph.ToMaxCutIsing().Energy(spins), MaxCutSolver.EnergyFromCut(graph, 2.0));
    }

    [Theory]
    [InlineData("tabu")]
    [InlineData("sa")]
    [InlineData("pt")]
    [InlineData("sb")]
    [InlineData("exact")]
    public void Finds_the_maximum_cut_of_an_odd_ring_and_a_complete_graph(string solver)
    {
        ISampler sampler = solver switch
        {
            "tabu" => new TabuSampler(),
            "sa" => new SimulatedAnnealingSampler(),
            "pt" => new ParallelTemperingSampler(),
            "sb" => new Quanet.Optimization.Sampling.Bifurcation.SimulatedBifurcationSampler(),
            _ => new ExactSolver(),
        };
        var ring = Graph(7, Enumerable.Range(0, 7).Select(i => (i, (i + 1) % 7)));
        var k6 = Graph(6, from i in Enumerable.Range(0, 6) from j in Enumerable.Range(i + 1, 5 - i) select (i, j));

        var ringCut = MaxCutSolver.Solve(ring, sampler, new SamplerOptions { Reads = 8 });
        var k6Cut = MaxCutSolver.Solve(k6, sampler, new SamplerOptions { Reads = 8 });

        Assert.Equal(6.0, ringCut.Cut);
        Assert.Equal(9.0, k6Cut.Cut);
        Assert.Equal(ringCut.Cut, ring.CutValue(ringCut.Sides));
    }

    [Fact]
    public void Stops_when_the_target_cut_is_reached()
    {
        var ring = Graph(40, Enumerable.Range(0, 40).Select(i => (i, (i + 1) % 40)));

        var result = MaxCutSolver.Solve(ring, new TabuSampler(), new SamplerOptions { TimeLimit = TimeSpan.FromMinutes(1) }, targetCut: 40);

        Assert.Equal(40.0, result.Cut);
        Assert.True(result.Statistics.ReachedTarget);
    }

    private static WeightedGraph Graph(int n, IEnumerable<(int I, int J)> edges)
    {
        var list = edges.ToList();
        return new WeightedGraph(n, [.. list.Select(e => e.I)], [.. list.Select(e => e.J)], [.. list.Select(_ => 1.0)]);
    }
}
