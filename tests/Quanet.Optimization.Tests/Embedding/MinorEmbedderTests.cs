using Quanet.Core;
using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Embedding;

public sealed class MinorEmbedderTests
{
    [Theory]
    [InlineData("chimera:16", 16)]
    [InlineData("pegasus:6", 16)]
    [InlineData("zephyr:3", 16)]
    [InlineData("chimera:4", 12)]
    public void Embeds_complete_graphs_validly(string topology, int n)
    {
        var target = HardwareGraph.Parse(topology);
        var edges = TestGraphs.Complete(n);

        var embedding = MinorEmbedder.Embed(n, edges, target, new EmbeddingOptions { Seed = 3 });

        Assert.Empty(EmbeddingValidator.Problems(embedding, n, edges, target));
        Assert.True(embedding.QubitCount >= n);
    }

    [Theory]
    [InlineData("chimera:16")]
    [InlineData("pegasus:16")]
    [InlineData("zephyr:15")]
    public void Embeds_random_models_validly_with_their_labels(string topology)
    {
        var target = HardwareGraph.Parse(topology);
        var model = TestGraphs.Model(60, TestGraphs.Random(60, 0.08, 11), Vartype.Binary, 5);

        var embedding = MinorEmbedder.Embed(model, target, new EmbeddingOptions { Seed = 7 });

        Assert.Empty(EmbeddingValidator.Problems(embedding, model, target));
        Assert.Equal(model.Labels, embedding.Labels);
    }

    [Theory]
    [InlineData("chimera:16")]
    [InlineData("pegasus:16")]
    [InlineData("zephyr:15")]
    public void Embeds_a_sparse_toroidal_grid(string topology)
    {
        // the shape of Gset G11-G13 (toroidal grids) at 8 x 12 = 96 vertices and 192 edges: the 800-vertex size does
        // not finish within a test's time with this embedder (see docs/quantum.md, qubo-embed)
        var target = HardwareGraph.Parse(topology);
        var edges = TestGraphs.Torus(8, 12);

        var embedding = MinorEmbedder.Embed(96, edges, target, new EmbeddingOptions { Seed = 1 });

        Assert.Empty(EmbeddingValidator.Problems(embedding, 96, edges, target));
    }

    [Fact]
    public void Embeds_K24_on_pegasus16_within_the_work_budget()
    {
        // the old embedder (overlap base 2, root weight counted once) never freed K_24's chains on pegasus:16 in 60 s
        var target = HardwareGraph.Pegasus(16);
        var edges = TestGraphs.Complete(24);

        var embedding = MinorEmbedder.Embed(24, edges, target, new EmbeddingOptions { Seed = 1 });

        Assert.Empty(EmbeddingValidator.Problems(embedding, 24, edges, target));
        Assert.True(embedding.MaxChainLength <= 24, $"longest chain {embedding.MaxChainLength}");
    }

    [Fact]
    public void Embeds_a_random_64_variable_500_coupler_model_on_zephyr15()
    {
        // a placement sub-QUBO's size: G(64, 0.25) has about 500 couplings (mean degree about 16)
        var target = HardwareGraph.Zephyr(15);
        var edges = TestGraphs.Random(64, 0.25, 4);
        Assert.InRange(edges.Count, 450, 550);

        // validity only: the chain-shortening rounds (two thirds of the time on this model) are left out of the budget
        var embedding = MinorEmbedder.Embed(64, edges, target, new EmbeddingOptions { Seed = 1, ImprovementRounds = 0 });

        Assert.Empty(EmbeddingValidator.Problems(embedding, 64, edges, target));
    }

    [Fact]
    public void Same_seed_gives_the_same_chains_and_another_seed_other_chains()
    {
        var target = HardwareGraph.Pegasus(6);
        var edges = TestGraphs.Random(40, 0.15, 2);

        var a = MinorEmbedder.Embed(40, edges, target, new EmbeddingOptions { Seed = 9 });
        var b = MinorEmbedder.Embed(40, edges, target, new EmbeddingOptions { Seed = 9 });
        var c = MinorEmbedder.Embed(40, edges, target, new EmbeddingOptions { Seed = 10 });

        Assert.Empty(EmbeddingValidator.Problems(a, 40, edges, target));
        Assert.Empty(EmbeddingValidator.Problems(c, 40, edges, target));
        var differs = false;
        for (var v = 0; v < 40; v++)
        {
            Assert.Equal(a.Chain(v).ToArray(), b.Chain(v).ToArray());
            differs |= !a.Chain(v).SequenceEqual(c.Chain(v));
        }

        Assert.True(differs);
    }

    [Fact]
    public void Fails_with_one_line_when_the_graph_does_not_fit()
    {
        var target = HardwareGraph.Chimera(2);

        var error = Assert.Throws<QuanetException>(() =>
            MinorEmbedder.Embed(12, TestGraphs.Complete(12), target, new EmbeddingOptions { Tries = 2, MaxRounds = 10 }));

        // K_12 passes the counting checks (12 <= 32 qubits, 66 <= 80 couplers) but C(2,2,4) embeds cliques up to about K_8
        Assert.Equal("cannot embed the model (12 variables, 66 couplers) into chimera:2 (32 qubits): chains still share qubits in 2 tries of up to 10 rounds", error.Message);
    }

    [Fact]
    public void Refuses_more_variables_than_qubits()
    {
        var error = Assert.Throws<QuanetException>(() => MinorEmbedder.Embed(9, [], HardwareGraph.Chimera(1)));

        Assert.Equal("cannot embed: the model has 9 variables but chimera:1 has only 8 qubits", error.Message);
    }

    [Fact]
    public void Refuses_more_couplings_than_couplers()
    {
        // K_8 has 28 couplings; C(1,1,4) has 8 qubits but only the 16 couplers of K_{4,4}
        var error = Assert.Throws<QuanetException>(() => MinorEmbedder.Embed(8, TestGraphs.Complete(8), HardwareGraph.Chimera(1)));

        Assert.Equal("cannot embed: the model has 28 couplings but chimera:1 has only 16 couplers", error.Message);
    }

    [Fact]
    public void Embeds_isolated_variables_on_single_qubits()
    {
        var target = HardwareGraph.Zephyr(1);

        var embedding = MinorEmbedder.Embed(5, [], target);

        Assert.Empty(EmbeddingValidator.Problems(embedding, 5, [], target));
        Assert.Equal(5, embedding.QubitCount);
    }
}
