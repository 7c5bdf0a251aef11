using Quanet.Optimization.Qaoa;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Noise;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Tests.Qaoa.Noise;

public sealed class NoisySimulationTests
{
    [Fact]
    public void Without_noise_the_routed_circuit_has_the_ideal_expected_energy()
    {
        var model = GateModels.RandomQubo(7, 2);
        var (gammas, betas) = GateModels.RandomAngles(2, 2);
        var ideal = new QaoaStateVector(model);
        ideal.Prepare(gammas, betas);
        var logical = QaoaCircuit.Build(model, gammas, betas);
        var routed = SabreRouter.Route(logical, CouplingMap.HeavyHex(2, 5), 3);
        Assert.Empty(RoutingValidator.Problems(logical, routed, CouplingMap.HeavyHex(2, 5)));

        var estimate = TrajectorySimulator.ExpectedEnergy(routed, model, DepolarizingNoise.None, 50, 1);

        Assert.Equal(ideal.Expectation(), estimate.Mean, 9);
        Assert.Equal(0.0, estimate.StandardError);
    }

    [Fact]
    public void Trajectories_agree_with_the_density_matrix_within_statistical_error()
    {
        var model = GateModels.RandomQubo(4, 8, density: 0.8);
        var (gammas, betas) = GateModels.RandomAngles(2, 8);
        var logical = QaoaCircuit.Build(model, gammas, betas);
        var routed = SabreRouter.Route(logical, CouplingMap.Line(5), 2);
        Assert.Empty(RoutingValidator.Problems(logical, routed, CouplingMap.Line(5)));
        var noise = new DepolarizingNoise(0.01, 0.05);
        var (compact, active) = RoutingValidator.ActiveQubits(routed);
        var circuit = new QuantumCircuit(active.Length);
        foreach (var gate in routed.Circuit.Gates)
        {
            circuit.Add(gate.Relabel(compact));
        }

        var diagonal = TrajectorySimulator.Diagonal(model, [.. routed.FinalLayout.Select(q => compact[q])], active.Length);
        var exact = DensityMatrixSimulator.ExpectedValue(circuit, diagonal, noise);
        var noiseless = DensityMatrixSimulator.ExpectedValue(circuit, diagonal, DepolarizingNoise.None);

        var estimate = TrajectorySimulator.ExpectedEnergy(routed, model, noise, 4000, 5);

        Assert.True(Math.Abs(estimate.Mean - exact) <= 4 * estimate.StandardError, $"trajectories {estimate.Mean} +- {estimate.StandardError}, density matrix {exact}");
        Assert.True(Math.Abs(exact - noiseless) > 8 * estimate.StandardError, "the noise must be visible for the check to mean something");
    }

    [Fact]
    public void Full_one_qubit_depolarising_leaves_the_maximally_mixed_state()
    {
        // p = 3/4 makes rho -> I/2 on the qubit (X, Y, Z each 1/4): <Z> = 0 whatever the gate prepared
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(2);
        builder.AddLinear(0, 2.0);
        builder.AddLinear(1, -1.0);
        builder.AddOffset(0.5);
        var model = builder.Build();
        var circuit = new QuantumCircuit(2);
        circuit.Add(Gate.RotationX(0, 0.3));
        circuit.Add(Gate.RotationX(1, 2.9));
        circuit.Add(Gate.RotationZ(0, 1.1));
        circuit.Add(Gate.RotationZ(1, -0.4));
        var diagonal = TrajectorySimulator.Diagonal(model, [0, 1], 2);

        var exact = DensityMatrixSimulator.ExpectedValue(circuit, diagonal, new DepolarizingNoise(0.75, 0.0));

        Assert.Equal(0.5, exact, 12);
    }

    [Fact]
    public void Trajectories_do_not_depend_on_the_thread_count()
    {
        var model = GateModels.RandomQubo(6, 4);
        var logical = QaoaCircuit.Build(model, [0.2, 0.5], [0.6, 0.3]);
        var noise = new DepolarizingNoise(0.002, 0.02);

        var first = TrajectorySimulator.ExpectedEnergy(logical, model, noise, 64, 9);
        var second = TrajectorySimulator.ExpectedEnergy(logical, model, noise, 64, 9);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Analysis_reports_routing_and_noise_per_depth()
    {
        var model = GateModels.RandomQubo(6, 6, density: 0.7);
        var levels = new QaoaSampler { Depth = 2 }.OptimizeAnglesPerDepth(model, new SamplerOptions { Seed = 1 });
        var analysis = new QaoaGateAnalysis { Map = CouplingMap.HeavyHex(2, 5), Noise = new DepolarizingNoise(0.001, 0.02), Trajectories = 400, Seed = 2 };

        var reports = analysis.Run(model, levels);

        Assert.Equal([1, 2], reports.Select(r => r.Depth));
        Assert.All(reports, r =>
        {
            Assert.Equal(0, r.ValidatorProblems);
            Assert.Equal(r.NoiselessEnergy, r.RoutedNoiselessEnergy!.Value, 9);
            // depolarising noise pulls the optimised (below-average) energy up towards the mean of the diagonal
            Assert.True(r.NoisyEnergy!.Value.Mean > r.NoiselessEnergy + (3 * r.NoisyEnergy.Value.StandardError));
            Assert.Equal(r.LogicalTwoQubitGates + (3 * r.Routed.SwapCount), r.Routed.TwoQubitGateCount);
        });
        Assert.True(reports[1].NoiselessEnergy <= reports[0].NoiselessEnergy + 1e-9);
    }
}
