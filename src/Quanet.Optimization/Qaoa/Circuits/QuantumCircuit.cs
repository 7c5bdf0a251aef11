namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>
/// A gate list on <see cref="QubitCount"/> qubits, all starting in |0&gt;. Qubit q is bit q of a basis-state
/// index (|1&gt; = bit set). Counts and depth are those of the circuit with each SWAP expanded to three CNOTs.
/// </summary>
public sealed class QuantumCircuit
{
    private readonly List<Gate> _gates = [];

    /// <summary>An empty circuit on <paramref name="qubitCount"/> qubits.</summary>
    public QuantumCircuit(int qubitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(qubitCount);
        QubitCount = qubitCount;
    }

    /// <summary>Number of qubits.</summary>
    public int QubitCount { get; }

    /// <summary>The gates in order.</summary>
    public IReadOnlyList<Gate> Gates => _gates;

    /// <summary>Two-qubit gates, each SWAP counted as three CNOTs.</summary>
    public int TwoQubitGateCount
    {
        get
        {
            var count = 0;
            foreach (var gate in _gates)
            {
                count += gate.CxCost;
            }

            return count;
        }
    }

    /// <summary>SWAP gates.</summary>
    public int SwapCount => _gates.Count(g => g.Kind == GateKind.Swap);

    /// <summary>Circuit depth: the longest chain of gates through shared qubits (a SWAP is three layers).</summary>
    public int Depth => LongestChain(twoQubitOnly: false);

    /// <summary>Two-qubit depth: the longest chain counting only CNOTs (a SWAP is three).</summary>
    public int TwoQubitDepth => LongestChain(twoQubitOnly: true);

    /// <summary>Appends <paramref name="gate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A qubit index is outside the circuit, or both qubits are equal.</exception>
    public void Add(Gate gate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(gate.Qubit);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(gate.Qubit, QubitCount);
        if (gate.IsTwoQubit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(gate.Target);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(gate.Target, QubitCount);
            if (gate.Target == gate.Qubit)
            {
                throw new ArgumentOutOfRangeException(nameof(gate), "a two-qubit gate needs two different qubits");
            }
        }

        _gates.Add(gate);
    }

    private int LongestChain(bool twoQubitOnly)
    {
        var level = new int[QubitCount];
        var depth = 0;
        foreach (var gate in _gates)
        {
            if (gate.IsTwoQubit)
            {
                var at = Math.Max(level[gate.Qubit], level[gate.Target]) + gate.CxCost;
                level[gate.Qubit] = level[gate.Target] = at;
                depth = Math.Max(depth, at);
            }
            else if (!twoQubitOnly)
            {
                depth = Math.Max(depth, ++level[gate.Qubit]);
            }
        }

        return depth;
    }
}
