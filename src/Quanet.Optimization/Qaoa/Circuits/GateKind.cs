namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>
/// The gates of a <see cref="QuantumCircuit"/>. The hardware-native set assumed for counting is
/// {rz, rx, h, cx}: single-qubit rotations plus CNOT (IBM's Eagle runs {rz, sx, x, ecr}; rx and h are
/// each at most three of those up to a global phase, and cx is one ecr plus single-qubit gates).
/// A SWAP is kept as one gate for readability and counted, exported and simulated as three CNOTs.
/// </summary>
public enum GateKind
{
    /// <summary>Hadamard.</summary>
    H,

    /// <summary>RX(theta) = exp(-i theta X / 2).</summary>
    Rx,

    /// <summary>RZ(theta) = exp(-i theta Z / 2).</summary>
    Rz,

    /// <summary>CNOT with control <see cref="Gate.Qubit"/> and target <see cref="Gate.Target"/>.</summary>
    Cx,

    /// <summary>SWAP of two qubits, realised as CX(a,b) CX(b,a) CX(a,b).</summary>
    Swap,
}
