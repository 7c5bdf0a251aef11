using Quanet.Core;
using Quanet.Optimization.Qaoa.Circuits;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>
/// SABRE qubit mapping (Li, Ding and Xie, "Tackling the qubit mapping problem for NISQ-era quantum devices",
/// ASPLOS 2019). Gates whose predecessors have all run form the front layer F; executable ones run; when none
/// can, the SWAP on an edge touching F with the lowest cost
/// H = max(decay(a), decay(b)) (sum_F D / |F| + W sum_E D / |E|) is inserted, where D is the coupling map's
/// distance between the two qubits of a gate under the trial layout and E is the extended set (the next
/// <see cref="ExtendedSetSize"/> two-qubit gates). Decay grows by <see cref="DecayIncrement"/> on the swapped qubits
/// and resets after <see cref="DecayReset"/> SWAPs or when a gate runs. The initial layout comes from
/// <see cref="LayoutTrials"/> seeded trials (a random placement on a breadth-first region of the map), each
/// refined by <see cref="LayoutIterations"/> forward-backward passes (the final layout of a pass over the
/// reversed circuit is the next initial layout); the trial with the fewest SWAPs wins (then the lower depth).
/// Ties between SWAPs of equal cost are broken by the seeded generator, so the result is a function of the seed.
/// </summary>
public sealed partial class SabreRouter
{
    /// <summary>Two-qubit gates in the extended set. <value>Default 20 (the paper's).</value></summary>
    public int ExtendedSetSize { get; init; } = 20;

    /// <summary>Weight W of the extended set. <value>Default 0.5 (the paper's).</value></summary>
    public double ExtendedSetWeight { get; init; } = 0.5;

    /// <summary>Decay added to a swapped qubit. <value>Default 0.001 (the paper's delta).</value></summary>
    public double DecayIncrement { get; init; } = 0.001;

    /// <summary>SWAPs after which decay resets. <value>Default 5 (the paper's).</value></summary>
    public int DecayReset { get; init; } = 5;

    /// <summary>Random initial layouts tried. <value>Default 8.</value></summary>
    public int LayoutTrials { get; init; } = 8;

    /// <summary>Forward-backward passes per trial before the final routing pass. <value>Default 2.</value></summary>
    public int LayoutIterations { get; init; } = 2;

    /// <summary>Routes <paramref name="circuit"/> onto <paramref name="map"/> with default settings.</summary>
    public static RoutedCircuit Route(QuantumCircuit circuit, CouplingMap map, int seed) => new SabreRouter().Run(circuit, map, seed);

    /// <summary>Routes <paramref name="circuit"/> onto <paramref name="map"/>, seeded.</summary>
    /// <exception cref="QuanetException">The map has fewer qubits than the circuit or is not connected.</exception>
    public RoutedCircuit Run(QuantumCircuit circuit, CouplingMap map, int seed)
    {
        ArgumentNullException.ThrowIfNull(circuit);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(LayoutTrials);
        CheckFits(circuit, map);
        var gates = circuit.Gates.ToArray();
        var twoQubit = gates.Where(g => g.IsTwoQubit).ToArray();
        var reversed = twoQubit.Reverse().ToArray();
        RoutedCircuit? best = null;
        for (var trial = 0; trial < LayoutTrials; trial++)
        {
            var rng = new Xoshiro256(Xoshiro256.ReadSeed(seed, trial));
            var region = LayoutState.Region(map, rng.NextInt(map.QubitCount), circuit.QubitCount);
            Shuffle(region, ref rng);
            var layout = region;
            for (var iteration = 0; iteration < LayoutIterations; iteration++)
            {
                layout = new Pass(this, map, twoQubit, circuit.QubitCount, layout, null).Run(ref rng);
                layout = new Pass(this, map, reversed, circuit.QubitCount, layout, null).Run(ref rng);
            }

            var output = new QuantumCircuit(map.QubitCount);
            var final = new Pass(this, map, gates, circuit.QubitCount, layout, output).Run(ref rng);
            var routed = new RoutedCircuit(output, layout, final, "sabre");
            if (best is null || routed.SwapCount < best.SwapCount || (routed.SwapCount == best.SwapCount && routed.Depth < best.Depth))
            {
                best = routed;
            }
        }

        return best!;
    }

    internal static void CheckFits(QuantumCircuit circuit, CouplingMap map)
    {
        if (circuit.QubitCount > map.QubitCount)
        {
            throw new QuanetException($"the circuit has {circuit.QubitCount} qubits but {map.Name} only {map.QubitCount}");
        }

        if (!map.IsConnected)
        {
            throw new QuanetException($"{map.Name} is not connected");
        }
    }

    private static void Shuffle(int[] values, ref Xoshiro256 rng)
    {
        for (var i = values.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (values[i], values[j]) = (values[j], values[i]);
        }
    }
}
