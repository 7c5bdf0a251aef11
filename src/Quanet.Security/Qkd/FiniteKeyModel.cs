using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

/// <summary>
/// Finite-key secret key length of three-intensity decoy BB84 with the Hoeffding-based bounds of
/// Lim, Curty, Walenta, Xu and Zbinden, "Concise security bounds for practical decoy-state quantum
/// key distribution", PRA 89, 022307 (2014), equations (2)-(5) and appendix, evaluated on the
/// expected detection counts of the channel model of <see cref="DecoyBb84Model"/>.
/// </summary>
public static class FiniteKeyModel
{
    /// <summary>The finite-key rate at <paramref name="distance"/> with the signal intensity that maximises it.</summary>
    /// <exception cref="ArgumentException">Invalid link or finite-key parameters.</exception>
    public static KeyRate OptimalRate(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(finite);
        link.Validate();
        finite.Validate();
        if (link.DecoyIntensity <= finite.VacuumIntensity)
        {
            throw new ArgumentException("decoy intensity must exceed the vacuum intensity");
        }

        // Lim et al. require mu1 > mu2 + mu3 (the single-photon bound's denominator is positive)
        var mu = IntensityOptimizer.Maximise(m => KeyLength(link, finite, distance, m).Length, (link.DecoyIntensity + finite.VacuumIntensity) * 1.01, 1.5);
        return RateAt(link, finite, distance, mu);
    }

    /// <summary>The finite-key rate at <paramref name="distance"/> for signal intensity <paramref name="mu"/>.</summary>
    public static KeyRate RateAt(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance, double mu)
    {
        ArgumentNullException.ThrowIfNull(link);
        ArgumentNullException.ThrowIfNull(finite);
        var result = KeyLength(link, finite, distance, mu);
        var perPulse = Math.Max(0, result.Length) / finite.Pulses;
        return new KeyRate(distance, mu, perPulse, perPulse * link.ClockRateHz, result.Gain, result.Qber, result.SingleX / finite.Pulses, result.Phase);
    }

    private static (double Length, double Gain, double Qber, double SingleX, double Phase) KeyLength(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance, double mu1)
    {
        var eta = link.Transmittance(distance);
        if (mu1 <= link.DecoyIntensity + finite.VacuumIntensity)
        {
            return (-1, 0, 0, 0, 0.5);
        }

        double mu2 = link.DecoyIntensity, mu3 = finite.VacuumIntensity;
        var (p1, p2, p3) = finite.IntensityProbabilities;
        double[] mus = [mu1, mu2, mu3];
        double[] ps = [p1, p2, p3];
        var px2 = finite.ProbabilityX * finite.ProbabilityX;
        var pz2 = (1 - finite.ProbabilityX) * (1 - finite.ProbabilityX);

        // expected detections (n) and errors (m) per intensity and basis
        double[] nX = new double[3], mX = new double[3], nZ = new double[3], mZ = new double[3];
        for (var k = 0; k < 3; k++)
        {
            var (gain, errorGain) = DecoyBb84Model.Signal(link, mus[k], eta);
            nX[k] = finite.Pulses * ps[k] * px2 * gain;
            mX[k] = finite.Pulses * ps[k] * px2 * errorGain;
            nZ[k] = finite.Pulses * ps[k] * pz2 * gain;
            mZ[k] = finite.Pulses * ps[k] * pz2 * errorGain;
        }

        var (signalGain, signalErrorGain) = DecoyBb84Model.Signal(link, mu1, eta);
        var logTerm = Math.Log(21 / finite.EpsilonSecrecy);
        var tau0 = 0.0;
        var tau1 = 0.0;
        for (var k = 0; k < 3; k++)
        {
            tau0 += ps[k] * Math.Exp(-mus[k]);
            tau1 += ps[k] * Math.Exp(-mus[k]) * mus[k];
        }

        var (sX0, sX1) = VacuumAndSingle(nX, mus, ps, tau0, tau1, logTerm);
        var (_, sZ1) = VacuumAndSingle(nZ, mus, ps, tau0, tau1, logTerm);
        var mZTotal = mZ[0] + mZ[1] + mZ[2];
        var deltaM = Math.Sqrt(mZTotal / 2 * logTerm);
        var mZ2Upper = Math.Exp(mu2) / p2 * (mZ[1] + deltaM);
        var mZ3Lower = Math.Exp(mu3) / p3 * (mZ[2] - deltaM);
        var vZ1 = tau1 * (mZ2Upper - mZ3Lower) / (mu2 - mu3);

        var nXTotal = nX[0] + nX[1] + nX[2];
        var qberX = (mX[0] + mX[1] + mX[2]) / nXTotal;
        if (!(sX1 > 0) || !(sZ1 > 0))
        {
            return (-1, signalGain, signalErrorGain / signalGain, 0, 0.5);
        }

        var ratio = Math.Clamp(vZ1 / sZ1, 1e-12, 0.5);
        var phase = Math.Min(0.5, ratio + Gamma(finite.EpsilonSecrecy, ratio, sZ1, sX1));
        var leak = link.ErrorCorrectionEfficiency * nXTotal * BinaryEntropy.Of(qberX);
        var length = Math.Max(0, sX0) + (sX1 * (1 - BinaryEntropy.Of(phase))) - leak
            - (6 * Math.Log2(21 / finite.EpsilonSecrecy)) - Math.Log2(2 / finite.EpsilonCorrectness);
        if (double.IsNaN(length))
        {
            length = -1;
        }

        return (length, signalGain, signalErrorGain / signalGain, sX1, phase);
    }

    // Lim et al. (2014), equations (2)-(3): lower bounds on the vacuum and single-photon events in one basis
    private static (double Vacuum, double Single) VacuumAndSingle(double[] n, double[] mus, double[] ps, double tau0, double tau1, double logTerm)
    {
        var total = n[0] + n[1] + n[2];
        var delta = Math.Sqrt(total / 2 * logTerm);
        double Upper(int k) => Math.Exp(mus[k]) / ps[k] * (n[k] + delta);
        double Lower(int k) => Math.Exp(mus[k]) / ps[k] * (n[k] - delta);
        double mu1 = mus[0], mu2 = mus[1], mu3 = mus[2];
        var vacuum = tau0 * ((mu2 * Lower(2)) - (mu3 * Upper(1))) / (mu2 - mu3);
        var single = tau1 * mu1 * (Lower(1) - Upper(2) - (((mu2 * mu2) - (mu3 * mu3)) / (mu1 * mu1) * (Upper(0) - (vacuum / tau0))))
            / ((mu1 * (mu2 - mu3)) - (mu2 * mu2) + (mu3 * mu3));
        return (vacuum, single);
    }

    // Lim et al. (2014), equation (5): deviation of the X-basis phase-error rate from the Z-basis one
    private static double Gamma(double a, double b, double c, double d) =>
        Math.Sqrt((c + d) * (1 - b) * b / (c * d * Math.Log(2)) * Math.Log2((c + d) / (c * d * (1 - b) * b) * (21 * 21) / (a * a)));
}
