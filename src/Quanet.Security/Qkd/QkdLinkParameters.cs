using System.Globalization;
using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

/// <summary>
/// Physical and protocol parameters of a prepare-and-measure BB84 fibre link. The defaults are
/// those of Gobby, Yuan and Shields, Appl. Phys. Lett. 84, 3762 (2004), as used by Lo, Ma and Chen,
/// PRL 94, 230504 (2005).
/// </summary>
public sealed record QkdLinkParameters
{
    /// <summary>The Gobby-Yuan-Shields experiment: 0.21 dB/km, eta_Bob 4.5 %, Y0 1.7e-6, e_d 3.3 %, f 1.22, q 1/2.</summary>
    public static QkdLinkParameters Gys { get; } = new();

    /// <summary>Fibre loss in dB per km.</summary>
    /// <value>0.21</value>
    public double AttenuationDbPerKm { get; init; } = 0.21;

    /// <summary>Transmittance of Bob's side: detector efficiency times internal optical loss, in (0, 1].</summary>
    /// <value>0.045</value>
    public double DetectorEfficiency { get; init; } = 0.045;

    /// <summary>Dark-count yield Y0: probability of a click per pulse with no photon, in [0, 1).</summary>
    /// <value>1.7e-6</value>
    public double DarkCountYield { get; init; } = 1.7e-6;

    /// <summary>Misalignment error e_d: probability that a photon hits the wrong detector, in [0, 0.5].</summary>
    /// <value>0.033</value>
    public double Misalignment { get; init; } = 0.033;

    /// <summary>Error-correction inefficiency f (leaked bits / Shannon limit), at least 1.</summary>
    /// <value>1.22</value>
    public double ErrorCorrectionEfficiency { get; init; } = 1.22;

    /// <summary>Basis-sifting factor q: fraction of detections kept after basis reconciliation, in (0, 1].</summary>
    /// <value>0.5</value>
    public double SiftingFactor { get; init; } = 0.5;

    /// <summary>Source clock rate in pulses per second.</summary>
    /// <value>1 GHz</value>
    public double ClockRateHz { get; init; } = 1e9;

    /// <summary>Mean photon number nu of the weak decoy for <see cref="QkdProtocol.VacuumWeak"/> (the other decoy is vacuum).</summary>
    /// <value>0.1</value>
    public double DecoyIntensity { get; init; } = 0.1;

    /// <summary>Checks every parameter; all problems are reported in one message.</summary>
    /// <exception cref="ArgumentException">One or more parameters are out of range.</exception>
    public void Validate()
    {
        var problems = new List<string>();
        Check(problems, double.IsFinite(AttenuationDbPerKm) && AttenuationDbPerKm >= 0, "attenuation must be >= 0 dB/km", AttenuationDbPerKm);
        Check(problems, DetectorEfficiency > 0 && DetectorEfficiency <= 1, "detector efficiency must be in (0, 1]", DetectorEfficiency);
        Check(problems, DarkCountYield >= 0 && DarkCountYield < 1, "dark-count yield must be in [0, 1)", DarkCountYield);
        Check(problems, Misalignment >= 0 && Misalignment <= 0.5, "misalignment must be in [0, 0.5]", Misalignment);
        Check(problems, ErrorCorrectionEfficiency >= 1 && double.IsFinite(ErrorCorrectionEfficiency), "error-correction efficiency must be >= 1", ErrorCorrectionEfficiency);
        Check(problems, SiftingFactor > 0 && SiftingFactor <= 1, "sifting factor must be in (0, 1]", SiftingFactor);
        Check(problems, DecoyIntensity > 0 && DecoyIntensity < 1, "decoy intensity must be in (0, 1)", DecoyIntensity);
        Check(problems, ClockRateHz > 0 && double.IsFinite(ClockRateHz), "clock rate must be > 0 Hz", ClockRateHz);
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems));
        }
    }

    /// <summary>Overall transmittance eta = eta_Bob * 10^(-alpha L / 10) at <paramref name="distance"/>.</summary>
    public double Transmittance(Kilometres distance) =>
        DetectorEfficiency * Math.Pow(10, -AttenuationDbPerKm * distance.Value / 10);

    private static void Check(List<string> problems, bool ok, string rule, double value)
    {
        if (!ok)
        {
            problems.Add($"{rule}, got {value.ToString("G", CultureInfo.InvariantCulture)}");
        }
    }
}
