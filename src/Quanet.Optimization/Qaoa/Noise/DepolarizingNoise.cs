using System.Globalization;

namespace Quanet.Optimization.Qaoa.Noise;

/// <summary>
/// Per-gate depolarising noise: after every one-qubit gate, with probability <see cref="OneQubit"/> one of X, Y, Z
/// (each p1/3) hits its qubit; after every CNOT (a SWAP is three), with probability <see cref="TwoQubit"/> one of the
/// 15 non-identity two-qubit Paulis (each p2/15) hits its pair. As a channel:
/// rho -> (1 - p) rho + p/(d^2 - 1) sum_{P != I} P rho P. p is the Pauli (process) error; the average gate
/// infidelity that randomized benchmarking reports is d p / (d + 1): 2p/3 for one qubit, 4p/5 for two.
/// </summary>
/// <param name="OneQubit">Pauli error probability p1 of a one-qubit gate, in [0, 1].</param>
/// <param name="TwoQubit">Pauli error probability p2 of a CNOT, in [0, 1].</param>
public readonly record struct DepolarizingNoise(double OneQubit, double TwoQubit)
{
    /// <summary>No noise.</summary>
    public static DepolarizingNoise None => new(0.0, 0.0);

    /// <summary>Whether both probabilities are in [0, 1].</summary>
    public bool IsValid => OneQubit is >= 0.0 and <= 1.0 && TwoQubit is >= 0.0 and <= 1.0;

    /// <summary>Parses <c>p1,p2</c> (invariant culture), both in [0, 1].</summary>
    public static bool TryParse(string? text, out DepolarizingNoise noise)
    {
        noise = None;
        var parts = (text ?? "").Split(',', StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var p1)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p2))
        {
            return false;
        }

        noise = new DepolarizingNoise(p1, p2);
        return noise.IsValid;
    }
}
