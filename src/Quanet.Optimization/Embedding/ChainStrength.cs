using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

/// <summary>Chain strength rules.</summary>
public static class ChainStrength
{
    /// <summary>dwave-system's default prefactor for <see cref="UniformTorqueCompensation"/>.</summary>
    public const double DefaultPrefactor = 1.414;

    /// <summary>
    /// Uniform torque compensation, the rule dwave-system uses by default: on the model's Ising form,
    /// prefactor × RMS(J) × sqrt(mean degree), where RMS(J) = sqrt(Σ J_ij² / |E|) over the interactions and the mean
    /// degree is 2|E| / n. A model without interactions gets 1 (no chain needs holding against a torque).
    /// The strength is a ferromagnetic Ising coupling -strength on each chain coupler.
    /// </summary>
    public static double UniformTorqueCompensation(BinaryQuadraticModel model, double prefactor = DefaultPrefactor)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(prefactor);
        var ising = model.ToIsing();
        if (ising.InteractionCount == 0 || ising.VariableCount == 0)
        {
            return 1.0;
        }

        var squares = 0.0;
        foreach (var (_, _, j) in ising.Interactions())
        {
            squares += j * j;
        }

        var rms = Math.Sqrt(squares / ising.InteractionCount);
        var meanDegree = 2.0 * ising.InteractionCount / ising.VariableCount;
        return prefactor * rms * Math.Sqrt(meanDegree);
    }
}
