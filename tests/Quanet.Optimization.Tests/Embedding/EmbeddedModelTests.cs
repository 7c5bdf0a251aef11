using Quanet.Optimization.Embedding;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Embedding;

public sealed class EmbeddedModelTests
{
    [Theory]
    [InlineData(Vartype.Binary)]
    [InlineData(Vartype.Spin)]
    public void Intact_chains_give_the_logical_energy_on_every_state(Vartype vartype)
    {
        // 10 variables: all 1024 logical states are checked
        var target = HardwareGraph.Chimera(4);
        var edges = TestGraphs.Random(10, 0.5, 4);
        var logical = TestGraphs.Model(10, edges, vartype, 8);
        var embedding = MinorEmbedder.Embed(logical, target, new EmbeddingOptions { Seed = 2 });
        Assert.Empty(EmbeddingValidator.Problems(embedding, logical, target));
        var embedded = EmbeddedModel.Create(logical, embedding, target, chainStrength: 3.0);
        Assert.True(embedding.MaxChainLength > 1, "the test needs at least one chain of two or more qubits");

        for (var bits = 0; bits < 1 << 10; bits++)
        {
            var spins = new sbyte[10];
            for (var v = 0; v < 10; v++)
            {
                spins[v] = (sbyte)(((bits >> v) & 1) == 1 ? 1 : -1);
            }

            var physical = Spread(embedded, spins);
            var logicalState = BinaryQuadraticModel.ConvertState(spins, Vartype.Spin, vartype);
            var chainTerm = -embedded.ChainStrength * embedded.ChainCouplerCount;

            // the physical model's offset holds +strength per chain coupler: without it, the intact-chain energy is
            // the logical energy plus the constant chain term -strength * (chain couplers)
            Assert.Equal(logical.Energy(logicalState), embedded.Physical.Energy(physical), 9);
            Assert.Equal(logical.Energy(logicalState) + chainTerm, embedded.Physical.Energy(physical) - (embedded.ChainStrength * embedded.ChainCouplerCount), 9);
            var back = embedded.Unembed(physical, ChainBreakMethod.Discard)!;
            Assert.Equal(logicalState, back.State);
            Assert.Equal(0.0, back.ChainBreakFraction);
            Assert.Equal(logical.Energy(logicalState), back.Energy);
        }
    }

    [Fact]
    public void Spreads_fields_over_chains_and_couplings_over_the_couplers_between_them()
    {
        // In C(2,2,4) tile (0, 0) is K_{4,4} on 0..3 (vertical) and 4..7 (horizontal): x0 on {0, 4}, x1 on {1, 5};
        // the couplers 0-5 and 1-4 link the chains, 0-4 and 1-5 hold them
        var target = HardwareGraph.Chimera(2);
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(2);
        builder.AddLinear(0, 2.0);
        builder.AddQuadratic(0, 1, -1.0);
        var logical = builder.Build();
        var embedding = new MinorEmbedding("chimera:2", logical.Labels, [[0, 4], [1, 5]]);

        var embedded = EmbeddedModel.Create(logical, embedding, target, chainStrength: 5.0);

        var physical = embedded.Physical;
        int P(int qubit) => physical.IndexOf(qubit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1.0, physical.Linear[P(0)]);
        Assert.Equal(1.0, physical.Linear[P(4)]);
        Assert.Equal(0.0, physical.Linear[P(1)]);
        Assert.Equal(-0.5, physical.Quadratic(P(0), P(5)));
        Assert.Equal(-0.5, physical.Quadratic(P(1), P(4)));
        Assert.Equal(-5.0, physical.Quadratic(P(0), P(4)));
        Assert.Equal(-5.0, physical.Quadratic(P(1), P(5)));
        Assert.Equal(0.0, physical.Quadratic(P(0), P(1)));
        Assert.Equal(2, embedded.ChainCouplerCount);
        Assert.Equal(10.0, physical.Offset);
    }

    [Fact]
    public void Resolves_broken_chains_by_each_method()
    {
        // x0 on the chain {0, 16, 20} (0-16 vertical, 16-20 in tile (1, 0)); x1 on {4}, coupled to 0 in tile (0, 0)
        var target = HardwareGraph.Chimera(2);
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(2);
        builder.AddQuadratic(0, 1, 1.0); // antiferromagnetic: x0 wants the opposite of x1
        var logical = builder.Build();
        var embedding = new MinorEmbedding("chimera:2", logical.Labels, [[0, 16, 20], [4]]);
        var embedded = EmbeddedModel.Create(logical, embedding, target, chainStrength: 2.0);
        var physical = new sbyte[4];
        void Set(int qubit, sbyte spin) => physical[embedded.Physical.IndexOf(qubit.ToString(System.Globalization.CultureInfo.InvariantCulture))] = spin;

        // chain of x0 reads (+1, +1, -1): broken, majority +1; x1 = +1
        Set(0, 1);
        Set(16, 1);
        Set(20, -1);
        Set(4, 1);

        var majority = embedded.Unembed(physical, ChainBreakMethod.MajorityVote)!;
        var minimised = embedded.Unembed(physical, ChainBreakMethod.MinimizeEnergy)!;

        Assert.Equal(new sbyte[] { 1, 1 }, majority.State);
        Assert.Equal(1, majority.BrokenChains);
        Assert.Equal(0.5, majority.ChainBreakFraction);
        Assert.Equal(1.0, majority.Energy);
        Assert.Equal(new sbyte[] { -1, 1 }, minimised.State);
        Assert.Equal(-1.0, minimised.Energy);
        Assert.Null(embedded.Unembed(physical, ChainBreakMethod.Discard));
    }

    [Fact]
    public void A_tied_chain_takes_its_lowest_qubit()
    {
        var target = HardwareGraph.Chimera(2);
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(1);
        builder.AddLinear(0, 1.0);
        var logical = builder.Build();
        var embedding = new MinorEmbedding("chimera:2", logical.Labels, [[16, 0]]);
        var embedded = EmbeddedModel.Create(logical, embedding, target, chainStrength: 1.0);
        var physical = new sbyte[2];
        physical[embedded.Physical.IndexOf("0")] = -1;
        physical[embedded.Physical.IndexOf("16")] = 1;

        var sample = embedded.Unembed(physical)!;

        Assert.Equal(new sbyte[] { 0 }, sample.State);
        Assert.Equal(1.0, sample.ChainBreakFraction);
    }

    [Fact]
    public void Uniform_torque_compensation_matches_dwave_systems_example()
    {
        // dwave-system's chain_strength docs: Q = upper-triangular ones on 5 variables (K5, all biases 1),
        // prefactor 3 gives 1.5 (Ising J = 1/4, RMS 0.25, mean degree 4: 3 * 0.25 * 2).
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(5);
        for (var i = 0; i < 5; i++)
        {
            for (var j = i; j < 5; j++)
            {
                builder.AddQuadratic(i, j, 1.0);
            }
        }

        Assert.Equal(1.5, ChainStrength.UniformTorqueCompensation(builder.Build(), prefactor: 3.0), 12);
        Assert.Equal(1.0, ChainStrength.UniformTorqueCompensation(new BqmBuilder(Vartype.Spin).Build()));
    }

    private static sbyte[] Spread(EmbeddedModel embedded, sbyte[] spins)
    {
        var physical = new sbyte[embedded.Physical.VariableCount];
        for (var v = 0; v < spins.Length; v++)
        {
            foreach (var q in embedded.Embedding.Chain(v))
            {
                physical[embedded.Physical.IndexOf(q.ToString(System.Globalization.CultureInfo.InvariantCulture))] = spins[v];
            }
        }

        return physical;
    }
}
