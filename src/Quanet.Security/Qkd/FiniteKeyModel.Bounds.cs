using Quanet.Core.Units;

namespace Quanet.Security.Qkd;

public static partial class FiniteKeyModel
{
    // Lim et al. set every error term of the composition (appendix B, eq. B4) to one epsilon: eps_sec = 21 eps
    private const double Terms = 21;

    /// <summary>Detection probability R_k and error probability e_k per pulse of intensity k.</summary>
    internal static (double Detection, double Error) Detection(QkdLinkParameters link, FiniteKeyParameters finite, double eta, double k)
    {
        var transmitted = DecoyBb84Model.OneMinusExp(eta * k);
        var d = link.DarkCountYield + ((1 - link.DarkCountYield) * transmitted);
        var error = (DecoyBb84Model.BackgroundError * link.DarkCountYield) + (link.Misalignment * transmitted) + (finite.AfterpulseProbability * d / 2);
        return (d * (1 + finite.AfterpulseProbability), error);
    }

    /// <summary>Equations (1)-(5) on the expected counts; the key length may be negative (used by the optimiser).</summary>
    private static FiniteKeyResult Bound(QkdLinkParameters link, FiniteKeyParameters finite, Kilometres distance, DecoySettings s)
    {
        var eta = link.Transmittance(distance);
        var asymptotic = double.IsPositiveInfinity(finite.BlockSize);
        double[] mus = [s.SignalIntensity, s.DecoyIntensity, s.VacuumIntensity];
        double[] ps = [s.SignalProbability, s.DecoyProbability, s.VacuumProbability];
        double[] rates = new double[3], errors = new double[3];
        var perPulse = 0.0;
        for (var k = 0; k < 3; k++)
        {
            (rates[k], errors[k]) = Detection(link, finite, eta, mus[k]);
            perPulse += ps[k] * rates[k];
        }

        // asymptotically the basis choice costs nothing (q_x -> 1) and only ratios matter: counts per pulse
        var qx = s.ProbabilityX;
        var pulses = asymptotic ? 1 : finite.BlockSize / (qx * qx * perPulse);
        var xWeight = asymptotic ? 1 : pulses * qx * qx;
        var zWeight = asymptotic ? 1 : pulses * (1 - qx) * (1 - qx);
        double[] nX = new double[3], mX = new double[3], nZ = new double[3], mZ = new double[3];
        for (var k = 0; k < 3; k++)
        {
            nX[k] = xWeight * ps[k] * rates[k];
            mX[k] = xWeight * ps[k] * errors[k];
            nZ[k] = zWeight * ps[k] * rates[k];
            mZ[k] = zWeight * ps[k] * errors[k];
        }

        var blockX = nX[0] + nX[1] + nX[2];
        var qber = (mX[0] + mX[1] + mX[2]) / blockX;
        var tau0 = Tau(0, mus, ps);
        var tau1 = Tau(1, mus, ps);
        var leak = link.ErrorCorrectionEfficiency * blockX * BinaryEntropy.Of(qber);

        FiniteKeyResult Length(double epsilonSec)
        {
            var ln = asymptotic ? 0 : Math.Log(Terms / epsilonSec);
            var (sX0, sX1) = VacuumAndSingle(nX, mus, ps, tau0, tau1, ln);
            var (_, sZ1) = VacuumAndSingle(nZ, mus, ps, tau0, tau1, ln);
            var vZ1 = SingleErrors(mZ, mus, ps, tau1, ln);
            double phase, length, beyondHalf = 0;
            if (sZ1 > 0 && sX1 > 0)
            {
                var b = Math.Clamp(vZ1 / sZ1, 0, 0.5);
                var bound = Math.Max(0, vZ1 / sZ1) + (asymptotic ? 0 : Gamma(epsilonSec, b, sZ1, sX1));
                phase = Math.Min(0.5, bound);
                length = sX0 + (sX1 * (1 - BinaryEntropy.Of(phase))) - leak;

                // h(phi) stops at 1 when the bound passes 1/2: without this the optimiser sees a plateau there
                beyondHalf = sX1 * Math.Max(0, bound - 0.5);
            }
            else
            {
                // no single-photon bound: no key; the negative bound still tells the optimiser which way is better
                phase = 0.5;
                length = sX0 + Math.Min(sX1, sZ1) - leak;
                sX1 = Math.Max(0, sX1);
            }
            var relaxed = length - beyondHalf;
            if (!asymptotic)
            {
                var composition = (6 * Math.Log2(Terms / epsilonSec)) + Math.Log2(2 / finite.EpsilonCorrectness);
                length = Math.Floor(length - composition);
                relaxed -= composition;
            }

            return new FiniteKeyResult(s, length, pulses, length / pulses, qber, sX0, sX1, phase, epsilonSec) { RelaxedLength = relaxed };
        }

        if (finite.SecrecyPerKeyBit is not { } kappa || asymptotic)
        {
            return Length(finite.EpsilonSecrecy);
        }

        // eps_sec = kappa l: l(eps) grows with eps, so iterating from l = n_X descends to the largest fixed point
        var result = Length(kappa * blockX);
        for (var i = 0; i < 20 && result.KeyLength >= 1; i++)
        {
            var next = Length(kappa * result.KeyLength);
            var converged = result.KeyLength - next.KeyLength < 1;
            result = next;
            if (converged)
            {
                break;
            }
        }

        // no key of even one bit: the iteration collapses to the same 0 for many settings, a plateau to the optimiser;
        // the bound at the secrecy of a one-bit key (eps_sec = kappa) is below 1 too and varies with the settings
        return result.KeyLength >= 1 ? result : Length(kappa);
    }

    // tau_n = sum_k p_k e^-k k^n / n!, the probability that Alice sends n photons
    private static double Tau(int n, double[] mus, double[] ps)
    {
        var tau = 0.0;
        for (var k = 0; k < 3; k++)
        {
            tau += ps[k] * Math.Exp(-mus[k]) * Math.Pow(mus[k], n);
        }

        return tau; // n <= 1 here, n! = 1
    }

    // n_k^(+/-) = e^k / p_k (n_k +/- sqrt(n / 2 ln(21 / eps_sec))), with n the basis total; a lower bound below 0 is raised to 0
    private static (double Upper, double Lower)[] Deviated(double[] counts, double[] mus, double[] ps, double ln)
    {
        var delta = Math.Sqrt((counts[0] + counts[1] + counts[2]) / 2 * ln);
        var result = new (double, double)[3];
        for (var k = 0; k < 3; k++)
        {
            var scale = Math.Exp(mus[k]) / ps[k];
            result[k] = (scale * (counts[k] + delta), scale * Math.Max(0, counts[k] - delta));
        }

        return result;
    }

    // equations (2) and (3): lower bounds on the vacuum and single-photon events of one basis (the latter may be negative)
    private static (double Vacuum, double Single) VacuumAndSingle(double[] n, double[] mus, double[] ps, double tau0, double tau1, double ln)
    {
        var d = Deviated(n, mus, ps, ln);
        double mu1 = mus[0], mu2 = mus[1], mu3 = mus[2];
        var vacuum = Math.Max(0, tau0 * ((mu2 * d[2].Lower) - (mu3 * d[1].Upper)) / (mu2 - mu3));
        var single = tau1 * mu1 * (d[1].Lower - d[2].Upper - (((mu2 * mu2) - (mu3 * mu3)) / (mu1 * mu1) * (d[0].Upper - (vacuum / tau0))))
            / ((mu1 * (mu2 - mu3)) - (mu2 * mu2) + (mu3 * mu3));
        return (vacuum, single);
    }

    // equation (4): upper bound on the single-photon bit errors in the Z basis
    private static double SingleErrors(double[] m, double[] mus, double[] ps, double tau1, double ln)
    {
        var d = Deviated(m, mus, ps, ln);
        return Math.Max(0, tau1 * (d[1].Upper - d[2].Lower) / (mus[1] - mus[2]));
    }

    // equation (5): the random-sampling (without replacement) deviation of the X-basis phase-error rate
    private static double Gamma(double a, double b, double c, double d)
    {
        if (b <= 0)
        {
            return 0;
        }

        var inner = (c + d) / (c * d * (1 - b) * b) * (Terms * Terms) / (a * a);
        return inner <= 1 ? 0 : Math.Sqrt((c + d) * (1 - b) * b / (c * d * Math.Log(2)) * Math.Log2(inner));
    }
}
