using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Qaoa.Circuits;

/// <summary>
/// The gate-level QAOA circuit of a model, in the convention of <see cref="QaoaStateVector"/> (spin +1 = |0&gt;):
/// H on every qubit, then per layer l the phase separator exp(-i gamma_l H_Ising) as, for every coupling J_ij,
/// CX(i,j) RZ_j(2 gamma J_ij) CX(i,j) and, for every field h_i, RZ_i(2 gamma h_i); then the mixer RX(2 beta_l)
/// on every qubit. The constant offset only adds the global phase exp(-i offset sum gamma) and is left out.
/// Couplings are emitted in rounds of disjoint pairs (a greedy edge colouring) so that they can run in parallel.
/// </summary>
public static class QaoaCircuit
{
    /// <summary>Builds the circuit for <paramref name="model"/> (any domain; its Ising form is used).</summary>
    /// <exception cref="ArgumentException">The angle arrays differ in length.</exception>
    public static QuantumCircuit Build(BinaryQuadraticModel model, ReadOnlySpan<double> gammas, ReadOnlySpan<double> betas)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (gammas.Length != betas.Length)
        {
            throw new ArgumentException($"{gammas.Length} gammas but {betas.Length} betas", nameof(betas));
        }

        var ising = model.ToIsing();
        var n = ising.VariableCount;
        var circuit = new QuantumCircuit(n);
        for (var q = 0; q < n; q++)
        {
            circuit.Add(Gate.Hadamard(q));
        }

        var couplings = Rounds(ising);
        for (var layer = 0; layer < gammas.Length; layer++)
        {
            var gamma = gammas[layer];
            foreach (var (i, j, w) in couplings)
            {
                circuit.Add(Gate.Cnot(i, j));
                circuit.Add(Gate.RotationZ(j, 2.0 * gamma * w));
                circuit.Add(Gate.Cnot(i, j));
            }

            for (var q = 0; q < n; q++)
            {
                if (ising.Linear[q] != 0.0)
                {
                    circuit.Add(Gate.RotationZ(q, 2.0 * gamma * ising.Linear[q]));
                }
            }

            for (var q = 0; q < n; q++)
            {
                circuit.Add(Gate.RotationX(q, 2.0 * betas[layer]));
            }
        }

        return circuit;
    }

    private static List<(int I, int J, double W)> Rounds(BinaryQuadraticModel ising)
    {
        var left = ising.Interactions().Where(t => t.Weight != 0.0).ToList();
        var ordered = new List<(int, int, double)>(left.Count);
        var busy = new bool[ising.VariableCount];
        while (left.Count > 0)
        {
            Array.Clear(busy);
            var next = new List<(int I, int J, double Weight)>();
            foreach (var t in left)
            {
                if (!busy[t.I] && !busy[t.J])
                {
                    busy[t.I] = busy[t.J] = true;
                    ordered.Add(t);
                }
                else
                {
                    next.Add(t);
                }
            }

            left = next;
        }

        return ordered;
    }
}
