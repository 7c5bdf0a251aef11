namespace Quanet.Optimization.Hardware;

/// <summary>What one QAOA layer (p = 1) of a model needs on a gate-model device after SABRE routing, or why it was not routed.</summary>
/// <param name="CouplingMap">The device's coupling map, e.g. <c>heavy-hex-127</c>.</param>
/// <param name="TwoQubitGates">CNOTs of the routed circuit (a SWAP counts 3); null when not routed.</param>
/// <param name="Depth">Depth of the routed circuit; null when not routed.</param>
/// <param name="Swaps">SWAPs the router inserted; null when not routed.</param>
/// <param name="Reason">Why it was not routed (more variables than qubits); null when it was.</param>
public sealed record RoutingFigure(string CouplingMap, int? TwoQubitGates, int? Depth, int? Swaps, string? Reason);
