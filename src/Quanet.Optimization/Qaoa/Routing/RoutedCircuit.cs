using Quanet.Optimization.Qaoa.Circuits;

namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>
/// A circuit on the physical qubits of a coupling map, with SWAPs inserted so that every two-qubit gate acts
/// on a coupled pair. Logical qubit i starts on physical qubit <see cref="InitialLayout"/>[i] and ends on
/// <see cref="FinalLayout"/>[i]; physical qubits outside the initial layout start in |0&gt;.
/// </summary>
/// <param name="Circuit">The routed circuit (qubit count = the map's).</param>
/// <param name="InitialLayout">Physical qubit of each logical qubit at the start.</param>
/// <param name="FinalLayout">Physical qubit of each logical qubit at the end (where it is measured).</param>
/// <param name="Router">The router's name (<c>sabre</c>, <c>greedy</c>).</param>
public sealed record RoutedCircuit(QuantumCircuit Circuit, int[] InitialLayout, int[] FinalLayout, string Router)
{
    /// <summary>Inserted SWAPs.</summary>
    public int SwapCount => Circuit.SwapCount;

    /// <summary>Two-qubit gates with each SWAP counted as three CNOTs.</summary>
    public int TwoQubitGateCount => Circuit.TwoQubitGateCount;

    /// <summary>Depth with each SWAP as three CNOT layers.</summary>
    public int Depth => Circuit.Depth;

    /// <summary>Depth counting CNOTs only.</summary>
    public int TwoQubitDepth => Circuit.TwoQubitDepth;
}
