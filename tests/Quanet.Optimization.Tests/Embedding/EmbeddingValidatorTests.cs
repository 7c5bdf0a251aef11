using Quanet.Optimization.Embedding;

namespace Quanet.Optimization.Tests.Embedding;

public sealed class EmbeddingValidatorTests
{
    private static readonly HardwareGraph Target = HardwareGraph.Chimera(2);
    private static readonly string[] Labels = ["a", "b"];

    // In C(2,2,4): 0..3 are tile (0,0)'s vertical shore, 4..7 its horizontal shore, 16 is (1,0,0,0) below qubit 0.
    [Fact]
    public void Accepts_a_valid_embedding()
    {
        var embedding = new MinorEmbedding("chimera:2", Labels, [[0, 16], [4]]);

        Assert.Empty(EmbeddingValidator.Problems(embedding, 2, [(0, 1)], Target));
    }

    [Theory]
    [InlineData(new int[0], new[] { 4 }, "chain of 'a' is empty")]
    [InlineData(new[] { 0, 1 }, new[] { 4 }, "chain of 'a' is not connected in chimera:2")]
    [InlineData(new[] { 0, 4 }, new[] { 4 }, "qubit 4 is in the chains of both 'a' and 'b'")]
    [InlineData(new[] { 0 }, new[] { 1 }, "no coupler between the chains of 'a' and 'b'")]
    [InlineData(new[] { 0, 99 }, new[] { 4 }, "chain of 'a' names qubit 99, which chimera:2 does not have")]
    [InlineData(new[] { 0, 0 }, new[] { 4 }, "chain of 'a' lists qubit 0 twice")]
    public void Reports_each_defect(int[] a, int[] b, string problem)
    {
        var embedding = new MinorEmbedding("chimera:2", Labels, [a, b]);

        Assert.Contains(problem, EmbeddingValidator.Problems(embedding, 2, [(0, 1)], Target));
    }
}
