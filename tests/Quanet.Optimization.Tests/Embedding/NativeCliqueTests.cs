using Quanet.Optimization.Embedding;

namespace Quanet.Optimization.Tests.Embedding;

public sealed class NativeCliqueTests
{
    // Chimera C(16,16,4): K_64 with chains of 17 qubits (Boothby, King and Roy 2016: K_{4m} in C(m,m,4), chains m+1).
    [Theory]
    [InlineData("chimera:16", 64, 17)]
    [InlineData("chimera:3,5,2", 6, 4)]
    [InlineData("pegasus:16", 60, 16)]
    [InlineData("pegasus:4", 12, 4)]
    [InlineData("zephyr:15", 120, 16)]
    [InlineData("zephyr:3,2", 12, 4)]
    public void Embeds_the_largest_native_clique_validly(string topology, int size, int chainLength)
    {
        var target = HardwareGraph.Parse(topology);

        var embedding = NativeClique.Embed(NativeClique.LargestSize(target), target);

        Assert.Equal(size, embedding.Count);
        Assert.Equal(chainLength, embedding.MaxChainLength);
        Assert.Empty(EmbeddingValidator.Problems(embedding, size, TestGraphs.Complete(size), target));
    }

    [Fact]
    public void Refuses_a_clique_larger_than_the_construction()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NativeClique.Embed(65, HardwareGraph.Chimera(16)));
    }
}
