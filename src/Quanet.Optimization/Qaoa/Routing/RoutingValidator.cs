using Quanet.Optimization.Qaoa.Circuits;

namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>
/// Checks a routed circuit without trusting the router: (1) every two-qubit gate acts on a coupled pair;
/// (2) replaying the SWAPs from the initial layout gives the reported final layout; (3) with the SWAPs undone,
/// every logical qubit sees exactly the logical circuit's gates in the same order, with the same partners and
/// angles (so the two circuits have the same gate dependency graph and hence the same unitary up to the
/// layout permutation); and, for small circuits, (4) both are simulated and compared amplitude by amplitude.
/// </summary>
public static class RoutingValidator
{
    /// <summary>Every problem found by checks (1)-(3); empty when the routed circuit is valid.</summary>
    public static IReadOnlyList<string> Problems(QuantumCircuit logical, RoutedCircuit routed, CouplingMap map)
    {
        ArgumentNullException.ThrowIfNull(logical);
        ArgumentNullException.ThrowIfNull(routed);
        ArgumentNullException.ThrowIfNull(map);
        var problems = new List<string>();
        var n = logical.QubitCount;
        var physicalToLogical = new int[map.QubitCount];
        Array.Fill(physicalToLogical, -1);
        if (routed.InitialLayout.Length != n || routed.FinalLayout.Length != n || routed.Circuit.QubitCount != map.QubitCount)
        {
            problems.Add("layout or circuit size does not match the logical circuit and the map");
            return problems;
        }

        for (var l = 0; l < n; l++)
        {
            var p = routed.InitialLayout[l];
            if (p < 0 || p >= map.QubitCount || physicalToLogical[p] >= 0)
            {
                problems.Add($"initial layout places logical qubit {l} on invalid or shared physical qubit {p}");
                return problems;
            }

            physicalToLogical[p] = l;
        }

        var expected = PerQubit(logical.Gates, n);
        var seen = new List<(GateKind, double, int, int)>[n];
        for (var l = 0; l < n; l++)
        {
            seen[l] = [];
        }

        var index = 0;
        foreach (var gate in routed.Circuit.Gates)
        {
            if (gate.IsTwoQubit && !map.AreCoupled(gate.Qubit, gate.Target))
            {
                problems.Add($"gate {index} ({gate.Kind}) acts on uncoupled physical qubits {gate.Qubit} and {gate.Target}");
            }

            if (gate.Kind == GateKind.Swap)
            {
                (physicalToLogical[gate.Qubit], physicalToLogical[gate.Target]) = (physicalToLogical[gate.Target], physicalToLogical[gate.Qubit]);
            }
            else
            {
                var a = physicalToLogical[gate.Qubit];
                var b = gate.IsTwoQubit ? physicalToLogical[gate.Target] : -1;
                if (a < 0 || (gate.IsTwoQubit && b < 0))
                {
                    problems.Add($"gate {index} ({gate.Kind}) acts on a physical qubit that holds no logical qubit");
                }
                else
                {
                    seen[a].Add((gate.Kind, gate.Angle, 0, b));
                    if (b >= 0)
                    {
                        seen[b].Add((gate.Kind, gate.Angle, 1, a));
                    }
                }
            }

            index++;
        }

        for (var l = 0; l < n; l++)
        {
            if (Array.IndexOf(physicalToLogical, l) != routed.FinalLayout[l])
            {
                problems.Add($"logical qubit {l} ends on physical qubit {Array.IndexOf(physicalToLogical, l)}, not {routed.FinalLayout[l]} as reported");
            }

            if (!seen[l].SequenceEqual(expected[l]))
            {
                problems.Add($"logical qubit {l} sees a different gate sequence than in the logical circuit");
            }
        }

        return problems;
    }

    /// <summary>
    /// Simulates both circuits (the routed one on the physical qubits it touches, at most
    /// <see cref="CircuitStateVector.MaxQubits"/>) and returns the largest difference between an amplitude of the
    /// routed state and the logical amplitude it should equal under the final layout (the idle qubits must be |0&gt;).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The routed circuit touches too many qubits to simulate.</exception>
    public static double MaxAmplitudeError(QuantumCircuit logical, RoutedCircuit routed)
    {
        ArgumentNullException.ThrowIfNull(logical);
        ArgumentNullException.ThrowIfNull(routed);
        var (compact, active) = ActiveQubits(routed);
        var expected = new CircuitStateVector(logical.QubitCount);
        expected.Run(logical);
        var actual = new CircuitStateVector(active.Length);
        foreach (var gate in routed.Circuit.Gates)
        {
            actual.Apply(gate.Relabel(compact));
        }

        var error = 0.0;
        for (var y = 0; y < 1 << active.Length; y++)
        {
            var x = 0;
            var idle = y;
            for (var l = 0; l < logical.QubitCount; l++)
            {
                var bit = 1 << compact[routed.FinalLayout[l]];
                if ((y & bit) != 0)
                {
                    x |= 1 << l;
                }

                idle &= ~bit;
            }

            var (re, im) = idle == 0 ? (expected.Real[x], expected.Imaginary[x]) : (0.0, 0.0);
            error = Math.Max(error, Math.Max(Math.Abs(actual.Real[y] - re), Math.Abs(actual.Imaginary[y] - im)));
        }

        return error;
    }

    /// <summary>The physical qubits the routed circuit uses (initial layout and every gate), numbered compactly.</summary>
    internal static (int[] Compact, int[] Active) ActiveQubits(RoutedCircuit routed)
    {
        var used = new SortedSet<int>(routed.InitialLayout);
        foreach (var gate in routed.Circuit.Gates)
        {
            used.Add(gate.Qubit);
            if (gate.Target >= 0)
            {
                used.Add(gate.Target);
            }
        }

        var active = used.ToArray();
        var compact = new int[routed.Circuit.QubitCount];
        Array.Fill(compact, -1);
        for (var i = 0; i < active.Length; i++)
        {
            compact[active[i]] = i;
        }

        return (compact, active);
    }

    private static List<(GateKind, double, int, int)>[] PerQubit(IReadOnlyList<Gate> gates, int n)
    {
        var result = new List<(GateKind, double, int, int)>[n];
        for (var l = 0; l < n; l++)
        {
            result[l] = [];
        }

        foreach (var gate in gates)
        {
            result[gate.Qubit].Add((gate.Kind, gate.Angle, 0, gate.IsTwoQubit ? gate.Target : -1));
            if (gate.IsTwoQubit)
            {
                result[gate.Target].Add((gate.Kind, gate.Angle, 1, gate.Qubit));
            }
        }

        return result;
    }
}
