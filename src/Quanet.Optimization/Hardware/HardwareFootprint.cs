namespace Quanet.Optimization.Hardware;

/// <summary>
/// What the model a quantum path hands to a device needs there (<see cref="HardwareFootprints.Estimate"/>): its size,
/// the physical qubits of a minor embedding on D-Wave's Pegasus and Zephyr graphs, and the routed depth of one QAOA
/// layer on IBM's 127-qubit heavy-hex.
/// </summary>
/// <param name="LogicalVariables">Variables of the model (logical qubits).</param>
/// <param name="Couplers">Quadratic terms of the model.</param>
/// <param name="Pegasus">The embedding on Pegasus.</param>
/// <param name="Zephyr">The embedding on Zephyr.</param>
/// <param name="Routed">One QAOA layer routed onto the heavy-hex device.</param>
public sealed record HardwareFootprint(int LogicalVariables, int Couplers, EmbeddingFigure Pegasus, EmbeddingFigure Zephyr, RoutingFigure Routed);
