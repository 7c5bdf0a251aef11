using System.Globalization;

namespace Quanet.Security.Qkd;

/// <summary>
/// Block size and security parameters of the finite-key analysis of three-intensity decoy BB84
/// by Lim, Curty, Walenta, Xu and Zbinden, PRA 89, 022307 (2014): key from the X basis, phase
/// errors estimated in the Z basis, intensities mu1 (signal, optimised) &gt; mu2 (the link's decoy
/// intensity) &gt; mu3 (vacuum-like).
/// </summary>
public sealed record FiniteKeyParameters
{
    /// <summary>Pulses Alice sends in one block, N.</summary>
    /// <value>1e12 (about 17 minutes of a 1 GHz source)</value>
    public double Pulses { get; init; } = 1e12;

    /// <summary>Secrecy parameter epsilon_sec.</summary>
    /// <value>1e-10</value>
    public double EpsilonSecrecy { get; init; } = 1e-10;

    /// <summary>Correctness parameter epsilon_cor.</summary>
    /// <value>1e-15</value>
    public double EpsilonCorrectness { get; init; } = 1e-15;

    /// <summary>Probability that Alice (and Bob) choose the X (key) basis.</summary>
    /// <value>0.9</value>
    public double ProbabilityX { get; init; } = 0.9;

    /// <summary>Mean photon number of the third, vacuum-like intensity mu3.</summary>
    /// <value>2e-4 (as in Lim et al.)</value>
    public double VacuumIntensity { get; init; } = 2e-4;

    /// <summary>Probabilities of sending mu1, mu2, mu3; they must sum to 1.</summary>
    /// <value>0.7, 0.2, 0.1</value>
    public (double Signal, double Decoy, double Vacuum) IntensityProbabilities { get; init; } = (0.7, 0.2, 0.1);

    /// <summary>Checks every parameter; all problems are reported in one message.</summary>
    /// <exception cref="ArgumentException">One or more parameters are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        if (!(Pulses >= 1) || !double.IsFinite(Pulses))
        {
            problems.Add(Format("block size must be >= 1 pulse", Pulses));
        }

        if (!(EpsilonSecrecy > 0 && EpsilonSecrecy < 1))
        {
            problems.Add(Format("secrecy parameter must be in (0, 1)", EpsilonSecrecy));
        }

        if (!(EpsilonCorrectness > 0 && EpsilonCorrectness < 1))
        {
            problems.Add(Format("correctness parameter must be in (0, 1)", EpsilonCorrectness));
        }

        if (!(ProbabilityX > 0 && ProbabilityX < 1))
        {
            problems.Add(Format("X-basis probability must be in (0, 1)", ProbabilityX));
        }

        if (!(VacuumIntensity >= 0 && VacuumIntensity < 1))
        {
            problems.Add(Format("vacuum intensity must be in [0, 1)", VacuumIntensity));
        }

        var (s, d, v) = IntensityProbabilities;
        if (!(s > 0 && d > 0 && v > 0) || Math.Abs(s + d + v - 1) > 1e-9)
        {
            problems.Add("intensity probabilities must be positive and sum to 1");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }

    private static string Format(string rule, double value) => $"{rule}, got {value.ToString("G", CultureInfo.InvariantCulture)}";
}
