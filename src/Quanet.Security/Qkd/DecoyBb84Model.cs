using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

/// <summary>
/// Asymptotic secure key rate of weak-coherent-pulse BB84 with the GLLP formula
/// R = q { -Q_mu f h(E_mu) + Q1 [1 - h(e1)] } and the channel model of Lo, Ma and Chen,
/// PRL 94, 230504 (2005): Y_n = Y0 + 1 - (1 - eta)^n, Q_mu = Y0 + 1 - e^(-eta mu),
/// E_mu Q_mu = e0 Y0 + e_d (1 - e^(-eta mu)), e0 = 1/2.
/// </summary>
public static class DecoyBb84Model
{
    /// <summary>Error rate of a click that comes from background (dark counts): random, 1/2.</summary>
    public const double BackgroundError = 0.5;

    private const double MinMu = 1e-5;
    private const double MaxMu = 1.5;

    /// <summary>The key rate at <paramref name="distance"/> for a given signal intensity <paramref name="mu"/>.</summary>
    /// <exception cref="ArgumentException">Invalid link parameters or intensity.</exception>
    public static KeyRate RateAt(QkdLinkParameters link, QkdProtocol protocol, Kilometres distance, double mu)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.Validate();
        if (!(mu > 0) || !double.IsFinite(mu))
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "signal intensity mu must be > 0");
        }

        if (protocol == QkdProtocol.VacuumWeak && mu <= link.DecoyIntensity)
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, "signal intensity mu must exceed the decoy intensity");
        }

        return Evaluate(link, protocol, distance, mu);
    }

    /// <summary>The key rate at <paramref name="distance"/> with the signal intensity that maximises it.</summary>
    /// <exception cref="ArgumentException">Invalid link parameters.</exception>
    public static KeyRate OptimalRate(QkdLinkParameters link, QkdProtocol protocol, Kilometres distance)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.Validate();
        var low = protocol == QkdProtocol.VacuumWeak ? link.DecoyIntensity * 1.0001 : MinMu;
        var best = IntensityOptimizer.Maximise(mu => RawRate(link, protocol, distance, mu), low, MaxMu);
        return Evaluate(link, protocol, distance, best);
    }

    /// <summary>
    /// The longest fibre over which the optimal key rate is still positive, to 1 m; null when the rate is still
    /// positive beyond 100,000 km (a lossless fibre), where no finite length bounds it.
    /// </summary>
    /// <exception cref="ArgumentException">Invalid link parameters.</exception>
    public static Kilometres? MaximumDistance(QkdLinkParameters link, QkdProtocol protocol)
    {
        ArgumentNullException.ThrowIfNull(link);
        link.Validate();
        bool Positive(double km) => OptimalRate(link, protocol, new Kilometres(km)).RatePerPulse > 0;
        if (!Positive(0))
        {
            return new Kilometres(0);
        }

        double low = 0, high = 10;
        while (Positive(high))
        {
            low = high;
            high *= 2;
            if (high > 1e5)
            {
                return null;
            }
        }

        while (high - low > 1e-3)
        {
            var middle = 0.5 * (low + high);
            if (Positive(middle))
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return new Kilometres(low);
    }

    /// <summary>Signal gain Q_mu and error-weighted gain E_mu Q_mu for intensity mu and transmittance eta.</summary>
    internal static (double Gain, double ErrorGain) Signal(QkdLinkParameters link, double mu, double eta)
    {
        var detected = OneMinusExp(eta * mu);
        var gain = link.DarkCountYield + detected;
        var errorGain = (BackgroundError * link.DarkCountYield) + (link.Misalignment * detected);
        return (gain, errorGain);
    }

    /// <summary>1 - e^(-x), accurate for tiny x (long fibres) where the subtraction would cancel.</summary>
    internal static double OneMinusExp(double x) =>
        Math.Abs(x) < 1e-5 ? x * (1 - (x * (0.5 - (x / 6)))) : 1 - Math.Exp(-x);

    private static double RawRate(QkdLinkParameters link, QkdProtocol protocol, Kilometres distance, double mu) =>
        Terms(link, protocol, distance, mu).Rate;

    private static KeyRate Evaluate(QkdLinkParameters link, QkdProtocol protocol, Kilometres distance, double mu)
    {
        var t = Terms(link, protocol, distance, mu);
        var rate = Math.Max(0, t.Rate);
        return new KeyRate(distance, mu, rate, rate * link.ClockRateHz, t.Gain, t.Qber, t.Q1, t.E1);
    }

    private static (double Rate, double Gain, double Qber, double Q1, double E1) Terms(QkdLinkParameters link, QkdProtocol protocol, Kilometres distance, double mu)
    {
        var eta = link.Transmittance(distance);
        var (gain, errorGain) = Signal(link, mu, eta);
        var qber = errorGain / gain;
        var leak = gain * link.ErrorCorrectionEfficiency * BinaryEntropy.Of(qber);
        double q1, e1;
        switch (protocol)
        {
            case QkdProtocol.Decoy:
                {
                    // Lo-Ma-Chen: Y1 = Y0 + eta, e1 = (e0 Y0 + e_d eta) / Y1
                    var y1 = link.DarkCountYield + eta;
                    e1 = ((BackgroundError * link.DarkCountYield) + (link.Misalignment * eta)) / y1;
                    q1 = y1 * mu * Math.Exp(-mu);
                    break;
                }

            case QkdProtocol.VacuumWeak:
                {
                    // Ma, Qi, Zhao, Lo, PRA 72, 012326 (2005), equations (34) and (37)
                    var nu = link.DecoyIntensity;
                    var (gainNu, errorGainNu) = Signal(link, nu, eta);
                    var y0 = link.DarkCountYield;
                    var y1 = mu / ((mu * nu) - (nu * nu)) *
                        ((gainNu * Math.Exp(nu)) - (gain * Math.Exp(mu) * nu * nu / (mu * mu)) - (((mu * mu) - (nu * nu)) / (mu * mu) * y0));
                    if (!(y1 > 0))
                    {
                        return (-1, gain, qber, 0, 0.5);
                    }

                    e1 = Math.Min(0.5, ((errorGainNu * Math.Exp(nu)) - (BackgroundError * y0)) / (y1 * nu));
                    q1 = y1 * mu * Math.Exp(-mu);
                    break;
                }

            case QkdProtocol.Gllp:
                {
                    // GLLP without decoys: at most P_multi = 1 - (1 + mu) e^-mu of the clicks are
                    // multi-photon, all assumed error-free for Eve; single photons carry all errors.
                    var multi = 1 - ((1 + mu) * Math.Exp(-mu));
                    var single = 1 - (multi / gain);
                    if (!(single > 0))
                    {
                        return (-1, gain, qber, 0, 0.5);
                    }

                    q1 = gain * single;
                    e1 = Math.Min(0.5, qber / single);
                    break;
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "unknown QKD protocol");
        }

        var rate = link.SiftingFactor * ((q1 * (1 - BinaryEntropy.Of(e1))) - leak);
        return (rate, gain, qber, q1, e1);
    }
}
