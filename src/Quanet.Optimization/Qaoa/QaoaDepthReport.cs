using Quanet.Optimization.Qaoa.Noise;
using Quanet.Optimization.Qaoa.Routing;

namespace Quanet.Optimization.Qaoa;

/// <summary>The gate-model figures of the QAOA circuit at one depth p (see <see cref="QaoaGateAnalysis"/>).</summary>
/// <param name="Depth">QAOA depth p.</param>
/// <param name="Angles">The (noiselessly) optimised angles used.</param>
/// <param name="LogicalTwoQubitGates">CNOTs of the unrouted circuit (all-to-all connectivity).</param>
/// <param name="LogicalCircuitDepth">Depth of the unrouted circuit.</param>
/// <param name="Routed">The SABRE-routed circuit.</param>
/// <param name="Baseline">The same circuit routed by <see cref="GreedyRouter"/>, for comparison.</param>
/// <param name="ValidatorProblems">Problems <see cref="RoutingValidator"/> found in either routed circuit (0 when valid).</param>
/// <param name="NoiselessEnergy">The expected energy of the ideal state (from <see cref="QaoaStateVector"/>).</param>
/// <param name="RoutedNoiselessEnergy">The expected energy of the routed circuit simulated gate by gate without noise; null when too large to simulate.</param>
/// <param name="NoisyEnergy">The routed circuit's expected energy under noise (trajectories); null when too large or no noise given.</param>
/// <param name="NoisyLogicalEnergy">The unrouted circuit's expected energy under the same noise: what routing's SWAPs cost; null likewise.</param>
/// <param name="ActiveQubits">Physical qubits the routed circuit touches (the simulated register).</param>
public sealed record QaoaDepthReport(
    int Depth,
    QaoaAngles Angles,
    int LogicalTwoQubitGates,
    int LogicalCircuitDepth,
    RoutedCircuit Routed,
    RoutedCircuit Baseline,
    int ValidatorProblems,
    double NoiselessEnergy,
    double? RoutedNoiselessEnergy,
    NoisyEstimate? NoisyEnergy,
    NoisyEstimate? NoisyLogicalEnergy,
    int ActiveQubits);
