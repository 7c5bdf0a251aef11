namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>One gate of a <see cref="QuantumCircuit"/>.</summary>
/// <param name="Kind">The gate.</param>
/// <param name="Qubit">The qubit of a one-qubit gate; the control of a CNOT; the first qubit of a SWAP.</param>
/// <param name="Target">The target of a CNOT or the second qubit of a SWAP; -1 for one-qubit gates.</param>
/// <param name="Angle">The rotation angle in radians of RX and RZ; 0 otherwise.</param>
public readonly record struct Gate(GateKind Kind, int Qubit, int Target, double Angle)
{
    /// <summary>Whether the gate acts on two qubits (CNOT or SWAP).</summary>
    public bool IsTwoQubit => Kind is GateKind.Cx or GateKind.Swap;

    /// <summary>The CNOTs the gate costs: 1 for CX, 3 for SWAP, 0 otherwise.</summary>
    public int CxCost => Kind switch { GateKind.Cx => 1, GateKind.Swap => 3, _ => 0 };

    /// <summary>A Hadamard on <paramref name="qubit"/>.</summary>
    public static Gate Hadamard(int qubit) => new(GateKind.H, qubit, -1, 0.0);

    /// <summary>RX(<paramref name="theta"/>) on <paramref name="qubit"/>.</summary>
    public static Gate RotationX(int qubit, double theta) => new(GateKind.Rx, qubit, -1, theta);

    /// <summary>RZ(<paramref name="theta"/>) on <paramref name="qubit"/>.</summary>
    public static Gate RotationZ(int qubit, double theta) => new(GateKind.Rz, qubit, -1, theta);

    /// <summary>A CNOT.</summary>
    public static Gate Cnot(int control, int target) => new(GateKind.Cx, control, target, 0.0);

    /// <summary>A SWAP.</summary>
    public static Gate SwapOf(int a, int b) => new(GateKind.Swap, a, b, 0.0);

    /// <summary>The same gate on other qubits (<paramref name="map"/> gives each qubit's new index).</summary>
    public Gate Relabel(ReadOnlySpan<int> map) => this with { Qubit = map[Qubit], Target = Target < 0 ? -1 : map[Target] };
}
