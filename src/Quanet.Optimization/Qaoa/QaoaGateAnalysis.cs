using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Qaoa.Noise;
using Quanet.Optimization.Qaoa.Routing;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Qaoa;

/// <summary>
/// What a gate-model device would run for a model's QAOA: for each depth's optimised angles, the circuit
/// (<see cref="QaoaCircuit"/>), routed onto <see cref="Map"/> by SABRE and by the greedy baseline, both checked by
/// <see cref="RoutingValidator"/>, and the expected energy without noise and with <see cref="Noise"/> (trajectories
/// on the physical qubits the routed circuit touches, when there are at most <see cref="MaxSimulatedQubits"/>).
/// </summary>
public sealed class QaoaGateAnalysis
{
    /// <summary>The device's coupling map.</summary>
    public required CouplingMap Map { get; init; }

    /// <summary>Per-gate depolarising noise. <value>Default none (no noisy run).</value></summary>
    public DepolarizingNoise Noise { get; init; } = DepolarizingNoise.None;

    /// <summary>Trajectories per noisy estimate. <value>Default 200.</value></summary>
    public int Trajectories { get; init; } = 200;

    /// <summary>Seed of the router and of the trajectories. <value>Default 0.</value></summary>
    public int Seed { get; init; }

    /// <summary>The largest register simulated gate by gate. <value>Default 20.</value></summary>
    public int MaxSimulatedQubits { get; init; } = 20;

    /// <summary>The report for each depth in <paramref name="levels"/> (e.g. from <see cref="QaoaSampler.OptimizeAnglesPerDepth"/>).</summary>
    public IReadOnlyList<QaoaDepthReport> Run(BinaryQuadraticModel model, IReadOnlyList<QaoaAngles> levels, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(levels);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxSimulatedQubits, CircuitStateVector.MaxQubits);
        var noisy = Noise.OneQubit > 0.0 || Noise.TwoQubit > 0.0;
        var reports = new List<QaoaDepthReport>(levels.Count);
        foreach (var angles in levels)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var logical = QaoaCircuit.Build(model, angles.Gammas, angles.Betas);
            var routed = SabreRouter.Route(logical, Map, Seed);
            var baseline = GreedyRouter.Route(logical, Map);
            var problems = RoutingValidator.Problems(logical, routed, Map).Count + RoutingValidator.Problems(logical, baseline, Map).Count;
            var active = RoutingValidator.ActiveQubits(routed).Active.Length;
            var fits = active <= MaxSimulatedQubits;
            double? routedNoiseless = fits ? TrajectorySimulator.ExpectedEnergy(routed, model, DepolarizingNoise.None, 1, Seed).Mean : null;
            NoisyEstimate? noisyRouted = fits && noisy ? TrajectorySimulator.ExpectedEnergy(routed, model, Noise, Trajectories, Seed) : null;
            NoisyEstimate? noisyLogical = noisy && model.VariableCount <= MaxSimulatedQubits
                ? TrajectorySimulator.ExpectedEnergy(logical, model, Noise, Trajectories, Seed)
                : null;
            reports.Add(new QaoaDepthReport(angles.Depth, angles, logical.TwoQubitGateCount, logical.Depth, routed, baseline, problems,
                angles.Expectation, routedNoiseless, noisyRouted, noisyLogical, active));
        }

        return reports;
    }
}
