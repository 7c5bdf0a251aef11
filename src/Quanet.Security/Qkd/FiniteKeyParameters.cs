using System.Globalization;

namespace Quanet.Security.Qkd;

/// <summary>
/// Block size, security parameters and detector after-pulsing of the finite-key analysis of three-intensity
/// decoy BB84 by Lim, Curty, Walenta, Xu and Zbinden, PRA 89, 022307 (2014). The block is the paper's
/// post-processing block n_X: sifted detections in the X (key) basis, over all three intensities; the
/// pulses sent to fill it follow from the link (N = n_X / (q_x^2 sum_k p_k R_k)).
/// </summary>
public sealed record FiniteKeyParameters
{
    /// <summary>n_X, sifted X-basis detections per post-processing block; <see cref="double.PositiveInfinity"/> gives the asymptotic rate of the same three-intensity protocol.</summary>
    /// <value>1e9</value>
    public double BlockSize { get; init; } = 1e9;

    /// <summary>Secrecy parameter epsilon_sec (ignored when <see cref="SecrecyPerKeyBit"/> is set).</summary>
    /// <value>1e-10</value>
    public double EpsilonSecrecy { get; init; } = 1e-10;

    /// <summary>
    /// kappa: when set, epsilon_sec = kappa l grows with the key length l (the paper's choice for its figures,
    /// kappa = 1e-15), solved for the largest consistent l.
    /// </summary>
    /// <value>null (a fixed <see cref="EpsilonSecrecy"/>)</value>
    public double? SecrecyPerKeyBit { get; init; }

    /// <summary>Correctness parameter epsilon_cor.</summary>
    /// <value>1e-15</value>
    public double EpsilonCorrectness { get; init; } = 1e-15;

    /// <summary>Mean photon number mu3 of the third, vacuum-like intensity (fixed; mu1, mu2, their probabilities and q_x are optimised).</summary>
    /// <value>2e-4 (as in Lim et al.)</value>
    public double VacuumIntensity { get; init; } = 2e-4;

    /// <summary>After-pulse probability p_ap of Bob's detectors: detections rise by 1 + p_ap, half of the after-pulses are errors.</summary>
    /// <value>0</value>
    public double AfterpulseProbability { get; init; }

    /// <summary>Checks every parameter; all problems are reported in one message.</summary>
    /// <exception cref="ArgumentException">One or more parameters are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(BlockSize >= 1) || double.IsNaN(BlockSize))
        {
            problems.Add(Format("block size must be >= 1 sifted X-basis detection", BlockSize));
        }

        if (!(EpsilonSecrecy > 0 && EpsilonSecrecy < 1))
        {
            problems.Add(Format("secrecy parameter must be in (0, 1)", EpsilonSecrecy));
        }

        if (SecrecyPerKeyBit is { } kappa && !(kappa > 0 && kappa * Math.Min(BlockSize, 1e300) < 1))
        {
            problems.Add(Format("secrecy per key bit must be > 0 and below 1 / block size", kappa));
        }

        if (!(EpsilonCorrectness > 0 && EpsilonCorrectness < 1))
        {
            problems.Add(Format("correctness parameter must be in (0, 1)", EpsilonCorrectness));
        }

        if (!(VacuumIntensity >= 0 && VacuumIntensity < 0.5))
        {
            problems.Add(Format("vacuum intensity must be in [0, 0.5)", VacuumIntensity));
        }

        if (!(AfterpulseProbability >= 0 && AfterpulseProbability < 1))
        {
            problems.Add(Format("after-pulse probability must be in [0, 1)", AfterpulseProbability));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }

    private static string Format(string rule, double value) => $"{rule}, got {value.ToString("G", CultureInfo.InvariantCulture)}";
}
