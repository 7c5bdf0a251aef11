using Quanet.Core;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Tests.Qaoa.Routing;

public sealed class SabreRouterTests
{
    public static TheoryData<string, int, int, int> Cases => new()
    {
        { "line:6", 6, 1, 1 },
        { "grid:3x3", 7, 2, 2 },
        { "heavy-hex:2x5", 8, 1, 3 },
        { "heavy-hex:2x5", 12, 1, 4 },
        { "grid:4x4", 10, 2, 5 },
        { "heavy-hex-127", 8, 2, 6 },
        { "heavy-hex-127", 12, 1, 7 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sabre_and_greedy_routes_pass_the_independent_validator_and_keep_the_state(string mapName, int n, int p, int seed)
    {
        var map = CouplingMap.TryParse(mapName, out _)!;
        var model = GateModels.RandomQubo(n, seed, density: 0.5);
        var (gammas, betas) = GateModels.RandomAngles(p, seed);
        var logical = QaoaCircuit.Build(model, gammas, betas);

        foreach (var routed in new[] { SabreRouter.Route(logical, map, seed), GreedyRouter.Route(logical, map) })
        {
            Assert.Empty(RoutingValidator.Problems(logical, routed, map));
            Assert.Equal(logical.TwoQubitGateCount + (3 * routed.SwapCount), routed.TwoQubitGateCount);
            if (RoutingValidator.ActiveQubits(routed).Active.Length <= 18)
            {
                Assert.InRange(RoutingValidator.MaxAmplitudeError(logical, routed), 0.0, 1e-10);
            }
        }
    }

    [Fact]
    public void The_validator_catches_an_uncoupled_gate_a_wrong_layout_and_a_dropped_gate()
    {
        var map = CouplingMap.Line(4);
        var logical = new QuantumCircuit(3);
        logical.Add(Gate.Hadamard(0));
        logical.Add(Gate.Cnot(0, 2));
        var good = SabreRouter.Route(logical, map, 1);
        Assert.Empty(RoutingValidator.Problems(logical, good, map));

        var uncoupled = new QuantumCircuit(4);
        uncoupled.Add(Gate.Hadamard(0));
        uncoupled.Add(Gate.Cnot(0, 2));
        var bad = new RoutedCircuit(uncoupled, [0, 1, 2], [0, 1, 2], "test");
        Assert.Contains(RoutingValidator.Problems(logical, bad, map), m => m.Contains("uncoupled physical qubits 0 and 2", StringComparison.Ordinal));

        var wrongFinal = good with { FinalLayout = [.. good.FinalLayout.Reverse()] };
        Assert.Contains(RoutingValidator.Problems(logical, wrongFinal, map), m => m.Contains("as reported", StringComparison.Ordinal));

        var dropped = new QuantumCircuit(4);
        foreach (var gate in good.Circuit.Gates.Where(g => g.Kind != GateKind.H))
        {
            dropped.Add(gate);
        }

        Assert.Contains(RoutingValidator.Problems(logical, good with { Circuit = dropped }, map), m => m.Contains("different gate sequence", StringComparison.Ordinal));
    }

    [Fact]
    public void Same_seed_gives_the_same_routing_and_a_chain_on_a_line_needs_no_swaps()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(7);
        for (var i = 0; i + 1 < 7; i++)
        {
            builder.AddQuadratic(i, i + 1, 1.0);
        }

        var chain = QaoaCircuit.Build(builder.Build(), [0.4, 0.2], [0.3, 0.1]);
        var map = CouplingMap.Line(7);

        var first = SabreRouter.Route(chain, map, 11);
        var again = SabreRouter.Route(chain, map, 11);

        Assert.Equal(first.Circuit.Gates, again.Circuit.Gates);
        Assert.Equal(first.InitialLayout, again.InitialLayout);
        Assert.Equal(0, first.SwapCount);
    }

    [Fact]
    public void Sabre_needs_fewer_swaps_than_the_greedy_baseline_on_dense_models_on_eagle()
    {
        var map = CouplingMap.Eagle127();
        var (sabre, greedy) = (0, 0);
        for (var seed = 1; seed <= 4; seed++)
        {
            var logical = QaoaCircuit.Build(GateModels.RandomQubo(12, seed, density: 0.6), [0.3], [0.2]);
            sabre += SabreRouter.Route(logical, map, seed).SwapCount;
            greedy += GreedyRouter.Route(logical, map).SwapCount;
        }

        Assert.True(sabre < greedy, $"SABRE {sabre} SWAPs, greedy {greedy}");
    }

    [Fact]
    public void A_circuit_larger_than_the_map_is_refused_in_one_line()
    {
        var logical = QaoaCircuit.Build(GateModels.RandomQubo(8, 1), [0.1], [0.1]);

        var error = Assert.Throws<QuanetException>(() => SabreRouter.Route(logical, CouplingMap.Line(5), 1));

        Assert.Equal("the circuit has 8 qubits but line:5 only 5", error.Message);
    }
}
