using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

public sealed partial class EmbeddedModel
{
    /// <summary>
    /// Maps a physical state (spins, ordered like <see cref="Physical"/>'s variables) back to the logical model,
    /// resolving broken chains with <paramref name="method"/>; null when <paramref name="method"/> is
    /// <see cref="ChainBreakMethod.Discard"/> and a chain is broken.
    /// </summary>
    /// <exception cref="ArgumentException">The state has the wrong length or a value other than -1/+1.</exception>
    public UnembeddedSample? Unembed(ReadOnlySpan<sbyte> physicalState, ChainBreakMethod method = ChainBreakMethod.MajorityVote)
    {
        if (physicalState.Length != Physical.VariableCount)
        {
            throw new ArgumentException($"state has {physicalState.Length} values but the physical model has {Physical.VariableCount} variables", nameof(physicalState));
        }

        var n = _chainVariables.Length;
        var spins = new sbyte[n];
        var broken = new bool[n];
        var brokenCount = 0;
        for (var v = 0; v < n; v++)
        {
            var sum = 0;
            foreach (var p in _chainVariables[v])
            {
                var s = physicalState[p];
                if (s is not (1 or -1))
                {
                    throw new ArgumentException($"physical state value {s} is not a spin (-1/+1)", nameof(physicalState));
                }

                sum += s;
            }

            broken[v] = Math.Abs(sum) != _chainVariables[v].Length;
            brokenCount += broken[v] ? 1 : 0;
            spins[v] = sum > 0 ? (sbyte)1 : sum < 0 ? (sbyte)-1 : LowestQubitSpin(physicalState, v);
        }

        if (brokenCount > 0 && method == ChainBreakMethod.Discard)
        {
            return null;
        }

        if (method == ChainBreakMethod.MinimizeEnergy)
        {
            var ising = Logical.ToIsing();
            for (var v = 0; v < n; v++)
            {
                if (broken[v])
                {
                    var field = ising.LocalField(spins, v);
                    spins[v] = field > 0 ? (sbyte)-1 : field < 0 ? (sbyte)1 : spins[v];
                }
            }
        }

        var state = BinaryQuadraticModel.ConvertState(spins, Vartype.Spin, Logical.Vartype);
        return new UnembeddedSample(state, Logical.Energy(state), brokenCount, n == 0 ? 0.0 : (double)brokenCount / n);
    }

    private sbyte LowestQubitSpin(ReadOnlySpan<sbyte> physicalState, int v)
    {
        var best = -1;
        foreach (var p in _chainVariables[v])
        {
            if (best < 0 || _qubits[p] < _qubits[best])
            {
                best = p;
            }
        }

        return physicalState[best];
    }
}
