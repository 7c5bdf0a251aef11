using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

/// <summary>
/// Finite-key secret key rate of three-intensity decoy BB84 with the bounds of Lim, Curty, Walenta, Xu and
/// Zbinden, "Concise security bounds for practical decoy-state quantum key distribution", PRA 89, 022307
/// (2014), equations (1)-(5), evaluated on the expected counts of the paper's detector model: detection
/// probability D_k = 1 - (1 - Y0) e^(-eta k) (Y0 = 2 p_dc for two detectors), R_k = D_k (1 + p_ap), error
/// probability e_k = Y0/2 + e_d (1 - e^(-eta k)) + p_ap D_k / 2.
/// </summary>
/// <remarks>
/// The block is the paper's n_X: sifted X-basis detections over all intensities. Alice and Bob choose X with
/// probability q_x each, so a block takes N = n_X / (q_x^2 sum_k p_k R_k) pulses and the Z basis, which
/// estimates the phase errors, holds (1 - q_x)^2 / q_x^2 as many detections. The rate is R = l / N, with
/// mu1, mu2, p_mu1, p_mu2 and q_x optimised per distance as in the paper (mu3 fixed).
/// </remarks>
public static partial class FiniteKeyModel
{
    /// <summary>The key length and rate of one block with the given settings.</summary>
    /// <exception cref="ArgumentException">Invalid link, finite-key parameters or settings.</exception>
    public static FiniteKeyResult Evaluate(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance, DecoySettings settings)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(finite);
        link.Validate();
        finite.Validate();
        if (!settings.IsValid)
        {
            throw new ArgumentException("decoy settings need mu1 > mu2 + mu3, mu2 > mu3 >= 0, probabilities in (0, 1) and q_x in (0, 1)", nameof(settings));
        }

        return Clamped(Bound(link, finite, distance, settings));
    }

    /// <summary>The key length and rate at <paramref name="distance"/> with the settings that maximise the rate (mu3 = <see cref="FiniteKeyParameters.VacuumIntensity"/>).</summary>
    /// <exception cref="ArgumentException">Invalid link or finite-key parameters.</exception>
    public static FiniteKeyResult Optimal(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(finite);
        link.Validate();
        finite.Validate();
        var mu3 = finite.VacuumIntensity;
        // bounded intensities (a decoy within MinimumGap of mu3 makes the decoy bounds cancel numerically)
        DecoySettings Decode(double[] v)
        {
            var mu2 = mu3 + MinimumGap + (MaximumDecoy * Logistic(v[1]));
            return new(
            mu2 + mu3 + MinimumGap + (MaximumSignal * Logistic(v[0])),
            mu2,
            mu3,
            Softmax(v[2], v[2], v[3]),
            Softmax(v[3], v[2], v[3]),
            Logistic(v[4]));
        }

        var best = Search(v => Bound(link, finite, distance, Decode(v)), finite.BlockSize);
        return Clamped(Bound(link, finite, distance, Decode(best)));
    }

    /// <summary>The optimal finite-key rate as a <see cref="KeyRate"/> (Mu is mu1, Gain the signal's detection probability R_mu1, Qber e_obs, SinglePhotonGain s_X,1 / N, SinglePhotonError phi_X).</summary>
    /// <exception cref="ArgumentException">Invalid link or finite-key parameters.</exception>
    public static KeyRate OptimalRate(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance)
    {
        var r = Optimal(link, finite, distance);
        var (gain, _) = Detection(link, finite, link.Transmittance(distance), r.Settings.SignalIntensity);
        return new KeyRate(distance, r.Settings.SignalIntensity, r.RatePerPulse, r.RatePerPulse * link.ClockRateHz, gain, r.Qber, r.SinglePhotonEvents / r.Pulses, r.PhaseError);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    private static double Softmax(double x, double a, double b) => Math.Exp(x) / (Math.Exp(a) + Math.Exp(b) + 1);

    private static FiniteKeyResult Clamped(FiniteKeyResult r) =>
        r.KeyLength > 0 && double.IsFinite(r.KeyLength) ? r : r with { KeyLength = 0, RatePerPulse = 0 };
}
