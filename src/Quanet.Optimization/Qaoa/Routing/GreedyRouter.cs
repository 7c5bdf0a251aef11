using Quanet.Optimization.Qaoa.Circuits;

namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>
/// The baseline router: logical qubits placed in breadth-first order around the map's most central qubit,
/// gates run in their original order, and a two-qubit gate on uncoupled qubits first moves its control
/// along a shortest path (one SWAP per step) until it is next to the target. No look-ahead, no randomness.
/// </summary>
public static class GreedyRouter
{
    /// <summary>Routes <paramref name="circuit"/> onto <paramref name="map"/>.</summary>
    /// <exception cref="Core.QuanetException">The map has fewer qubits than the circuit or is not connected.</exception>
    public static RoutedCircuit Route(QuantumCircuit circuit, CouplingMap map)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(map);
        SabreRouter.CheckFits(circuit, map);
        var initial = LayoutState.Region(map, Centre(map), circuit.QubitCount);
        var layout = new LayoutState(initial, map.QubitCount);
        var output = new QuantumCircuit(map.QubitCount);
        foreach (var gate in circuit.Gates)
        {
            if (gate.IsTwoQubit)
            {
                var l2p = layout.LogicalToPhysical;
                while (!map.AreCoupled(l2p[gate.Qubit], l2p[gate.Target]))
                {
                    var (from, to) = (l2p[gate.Qubit], l2p[gate.Target]);
                    foreach (var v in map.Neighbors(from))
                    {
                        if (map.Distance(v, to) < map.Distance(from, to))
                        {
                            output.Add(Gate.SwapOf(from, v));
                            layout.SwapPhysical(from, v);
                            break;
                        }
                    }
                }
            }

            output.Add(gate.Relabel(layout.LogicalToPhysical));
        }

        return new RoutedCircuit(output, initial, (int[])layout.LogicalToPhysical.Clone(), "greedy");
    }

    // the qubit with the smallest eccentricity (lowest index on ties)
    private static int Centre(CouplingMap map)
    {
        var (best, bestEccentricity) = (0, int.MaxValue);
        for (var q = 0; q < map.QubitCount; q++)
        {
            var eccentricity = 0;
            for (var r = 0; r < map.QubitCount; r++)
            {
                eccentricity = Math.Max(eccentricity, map.Distance(q, r));
            }

            if (eccentricity < bestEccentricity)
            {
                (best, bestEccentricity) = (q, eccentricity);
            }
        }

        return best;
    }
}
