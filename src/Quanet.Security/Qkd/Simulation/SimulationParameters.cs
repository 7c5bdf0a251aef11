using System.Globalization;
using Quanet.Core.Units;

namespace Quanet.Security.Qkd.Simulation;

/// <summary>
/// One Monte Carlo run of decoy-state BB84 (signal, weak decoy and vacuum pulses, both bases
/// with probability 1/2) over a fibre link, followed by the full post-processing chain.
/// </summary>
public sealed record SimulationParameters
{
    /// <summary>The link (loss, detector, dark counts, misalignment, f for the rate estimate, decoy intensity).</summary>
    public QkdLinkParameters Link { get; init; } = QkdLinkParameters.Gys;

    /// <summary>Fibre length.</summary>
    public Kilometres Distance { get; init; } = new(25);

    /// <summary>Pulses Alice sends (all intensities).</summary>
    /// <value>10^7</value>
    public long Pulses { get; init; } = 10_000_000;

    /// <summary>Signal mean photon number mu; when null the analytic vacuum+weak optimum at the distance is used.</summary>
    public double? SignalIntensity { get; init; }

    /// <summary>Probability that a pulse is a weak decoy (intensity <see cref="QkdLinkParameters.DecoyIntensity"/>).</summary>
    /// <value>0.2</value>
    public double DecoyProbability { get; init; } = 0.2;

    /// <summary>Probability that a pulse is vacuum.</summary>
    /// <value>0.1</value>
    public double VacuumProbability { get; init; } = 0.1;

    /// <summary>Fraction of the sifted signal bits disclosed to estimate the QBER.</summary>
    /// <value>0.1</value>
    public double SampleFraction { get; init; } = 0.1;

    /// <summary>Fraction of pulses an intercept-resend eavesdropper measures and resends.</summary>
    /// <value>0 (no eavesdropper)</value>
    public double InterceptFraction { get; init; }

    /// <summary>Abort when the sampled QBER exceeds this.</summary>
    /// <value>0.11</value>
    public double QberThreshold { get; init; } = 0.11;

    /// <summary>Privacy-amplification security parameter epsilon_PA (costs 2 log2(1/epsilon) bits).</summary>
    /// <value>1e-10</value>
    public double EpsilonPrivacy { get; init; } = 1e-10;

    /// <summary>Seed of every random choice (photons, bases, sampling, shuffles, hash seeds).</summary>
    public ulong Seed { get; init; } = 1;

    /// <summary>Checks every parameter; all problems are reported in one message.</summary>
    /// <exception cref="ArgumentException">One or more parameters are out of range.</exception>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Link);
        Link.Validate();
        var problems = new List<string>();
        if (!double.IsFinite(Distance.Value) || Distance.Value < 0)
        {
            problems.Add(Format("distance must be >= 0 km", Distance.Value));
        }

        if (Pulses < 1000 || Pulses > 2_000_000_000)
        {
            problems.Add(Format("pulses must be in [1e3, 2e9]", Pulses));
        }

        if (SignalIntensity is { } mu && !(mu > Link.DecoyIntensity && mu < 10))
        {
            problems.Add(Format("signal intensity must exceed the decoy intensity", mu));
        }

        if (!(DecoyProbability > 0 && VacuumProbability > 0 && DecoyProbability + VacuumProbability < 1))
        {
            problems.Add("decoy and vacuum probabilities must be positive and leave room for signals");
        }

        if (!(SampleFraction > 0 && SampleFraction < 1))
        {
            problems.Add(Format("sample fraction must be in (0, 1)", SampleFraction));
        }

        if (!(InterceptFraction >= 0 && InterceptFraction <= 1))
        {
            problems.Add(Format("intercept fraction must be in [0, 1]", InterceptFraction));
        }

        if (!(QberThreshold > 0 && QberThreshold < 0.5))
        {
            problems.Add(Format("QBER threshold must be in (0, 0.5)", QberThreshold));
        }

        if (!(EpsilonPrivacy > 0 && EpsilonPrivacy < 1))
        {
            problems.Add(Format("privacy-amplification epsilon must be in (0, 1)", EpsilonPrivacy));
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }

    private static string Format(string rule, double value) => $"{rule}, got {value.ToString("G", CultureInfo.InvariantCulture)}";
}
