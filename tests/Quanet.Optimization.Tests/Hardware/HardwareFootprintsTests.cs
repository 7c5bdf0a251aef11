using Quanet.Optimization.Embedding;
using Quanet.Optimization.Hardware;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Tests.Hardware;

public sealed class HardwareFootprintsTests
{
    [Fact]
    public void A_small_model_is_embedded_on_both_annealers_and_routed_on_heavy_hex()
    {
        var model = Random(12, 30, seed: 3);

        var footprint = HardwareFootprints.Estimate(model, new HardwareFootprintOptions { EmbeddingTimeLimit = TimeSpan.FromSeconds(60) });

        Assert.Equal(12, footprint.LogicalVariables);
        Assert.Equal(model.InteractionCount, footprint.Couplers);
        foreach (var (figure, topology) in new[] { (footprint.Pegasus, "pegasus:16"), (footprint.Zephyr, "zephyr:15") })
        {
            Assert.Equal(topology, figure.Topology);
            Assert.Null(figure.Reason);
            Assert.InRange(figure.PhysicalQubits!.Value, 12, 12 * figure.MaxChainLength!.Value);
        }

        // routing can only add CNOTs (3 per SWAP) to the all-to-all circuit of one layer
        var logical = QaoaCircuit.Build(model, [0.1], [0.1]);
        Assert.Null(footprint.Routed.Reason);
        Assert.Equal(logical.TwoQubitGateCount + (3 * footprint.Routed.Swaps!.Value), footprint.Routed.TwoQubitGates);
        Assert.True(footprint.Routed.Depth >= logical.Depth);
    }

    [Fact]
    public void A_dense_model_takes_the_native_clique_which_the_validator_accepts()
    {
        var n = 40;
        var builder = new BqmBuilder(Vartype.Binary);
        for (var i = 0; i < n; i++)
        {
            builder.AddVariable($"x{i}");
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                builder.AddQuadratic(i, j, 1.0);
            }
        }

        var footprint = HardwareFootprints.Estimate(builder.Build());

        // K40 in Zephyr's Chimera sublattice C(15, 15, 8): chains of s + 1 = 16 qubits; in Pegasus' C(15, 15, 4) likewise
        Assert.Equal(("native clique", 40 * 16, 16), (footprint.Zephyr.Method, footprint.Zephyr.PhysicalQubits, footprint.Zephyr.MaxChainLength));
        Assert.Equal(("native clique", 40 * 16, 16), (footprint.Pegasus.Method, footprint.Pegasus.PhysicalQubits, footprint.Pegasus.MaxChainLength));
    }

    [Fact]
    public void The_figures_are_the_same_for_the_same_seed()
    {
        var model = Random(16, 40, seed: 5);
        var options = new HardwareFootprintOptions { Seed = 7, EmbeddingTimeLimit = TimeSpan.FromSeconds(60) };

        Assert.Equal(HardwareFootprints.Estimate(model, options), HardwareFootprints.Estimate(model, options));
    }

    [Fact]
    public void A_model_larger_than_the_devices_says_why_without_trying()
    {
        var model = Random(8000, 8000, seed: 1);

        var footprint = HardwareFootprints.Estimate(model);

        Assert.Equal("8,000 variables > 5,640 qubits", footprint.Pegasus.Reason);
        Assert.Null(footprint.Pegasus.PhysicalQubits);
        Assert.Equal("8,000 variables > 7,440 qubits", footprint.Zephyr.Reason);
        Assert.Null(footprint.Zephyr.MaxChainLength);
        Assert.Equal("8,000 variables > 127 qubits", footprint.Routed.Reason);
        Assert.Null(footprint.Routed.TwoQubitGates);
    }

    [Fact]
    public void More_couplers_than_the_device_has_is_refused_by_count()
    {
        var target = HardwareGraph.Parse("pegasus:16");
        var n = 400;
        var builder = new BqmBuilder(Vartype.Spin);
        for (var i = 0; i < n; i++)
        {
            builder.AddVariable($"v{i}");
        }

        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                builder.AddQuadratic(i, j, 1.0);
            }
        }

        var model = builder.Build();
        Assert.True(model.InteractionCount > target.CouplerCount);

        var footprint = HardwareFootprints.Estimate(model);

        Assert.Equal($"79,800 couplers > {target.CouplerCount:N0} on the device", footprint.Pegasus.Reason);
    }

    private static BinaryQuadraticModel Random(int n, int edges, int seed)
    {
        var rng = new Xoshiro256((ulong)seed);
        var builder = new BqmBuilder(Vartype.Binary);
        for (var i = 0; i < n; i++)
        {
            builder.AddVariable($"x{i}");
            builder.AddLinear(i, rng.NextDouble() - 0.5);
        }

        for (var e = 0; e < edges; e++)
        {
            var i = (int)(rng.NextDouble() * n);
            var j = (int)(rng.NextDouble() * n);
            if (i != j)
            {
                builder.AddQuadratic(i, j, rng.NextDouble() - 0.5);
            }
        }

        return builder.Build();
    }
}
