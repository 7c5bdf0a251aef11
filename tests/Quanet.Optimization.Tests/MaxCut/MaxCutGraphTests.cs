using Quanet.Optimization.MaxCut;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Tests.MaxCut;

public sealed class MaxCutGraphTests
{
    [Fact]
    public void Reads_a_gset_file_and_cut_equals_half_of_weight_minus_energy()
    {
        var graph = MaxCutGraph.ReadGset(new StringReader("4 4\n1 2 1\n2 3 1\n3 4 -1\n4 1 2\n"), "g.txt");
        var model = graph.ToIsing();
        sbyte[] spins = [1, -1, 1, 1];

        Assert.Equal(4, graph.NodeCount);
        Assert.Equal(3.0, graph.TotalWeight);
        Assert.Equal(1.0 + 1.0, graph.Cut(spins));
        Assert.Equal(graph.Cut(spins), graph.CutFromEnergy(model.Energy(spins)));
        Assert.Equal(model.Energy(spins), graph.EnergyFromCut(graph.Cut(spins)));
    }

    [Fact]
    public void Tabu_finds_the_maximum_cut_of_an_odd_ring_and_a_complete_graph()
    {
        var ring = new MaxCutGraph(7, Enumerable.Range(0, 7).Select(i => (i, (i + 1) % 7, 1.0)));
        var k6 = new MaxCutGraph(6, from i in Enumerable.Range(0, 6) from j in Enumerable.Range(i + 1, 5 - i) select (i, j, 1.0));
        var sampler = new TabuSampler();

        Assert.Equal(6.0, ring.CutFromEnergy(sampler.Sample(ring.ToIsing(), new SamplerOptions()).Best.Energy));
        Assert.Equal(9.0, k6.CutFromEnergy(sampler.Sample(k6.ToIsing(), new SamplerOptions()).Best.Energy));
    }

    [Theory]
    [InlineData("", 1, "empty file")]
    [InlineData("3\n", 1, "header")]
    [InlineData("3 x\n", 1, "header")]
    [InlineData("3 1\n1 2\n", 2, "edge 'i j weight'")]
    [InlineData("3 1\n1 two 1\n", 2, "edge 'i j weight'")]
    [InlineData("3 1\n1 4 1\n", 2, "outside 1..3")]
    [InlineData("3 1\n0 2 1\n", 2, "outside 1..3")]
    [InlineData("3 1\n2 2 1\n", 2, "self-loop")]
    [InlineData("3 1\n1 2 NaN\n", 2, "finite weight")]
    [InlineData("3 1\n1 2 1\n2 3 1\n", 3, "more edges than the 1")]
    [InlineData("3 2\n1 2 1\n", 2, "announces 2 edges but the file has 1")]
    public void Rejects_malformed_gset_files_naming_file_and_line(string text, int line, string reason)
    {
        var error = Assert.Throws<InputFormatException>(() => MaxCutGraph.ReadGset(new StringReader(text), "bad.txt"));

        Assert.Equal(line, error.Line);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.StartsWith($"bad.txt:{line}:", error.Message, StringComparison.Ordinal);
    }
}
