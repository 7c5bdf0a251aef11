using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Security.Tests.Qkd;

/// <summary>
/// Lim, Curty, Walenta, Xu and Zbinden, "Concise security bounds for practical decoy-state quantum key
/// distribution", PRA 89, 022307 (2014), section IV and Fig. 1 (dedicated fibre): 0.2 dB/km, eta_Bob 10 %,
/// p_dc 6e-7 per detector (two detectors: Y0 = 1.2e-6), p_ap 4e-2, e_mis 5e-3, f_EC 1.16, mu3 2e-4,
/// eps_cor 1e-15, eps_sec = kappa l with kappa 1e-15; q_x, p_mu1, p_mu2, mu1, mu2 optimised;
/// n_X = 10^4 ... 10^9 and the asymptotic curve; axes 0-200 km and 1e-7-1e-2 bit per pulse.
/// </summary>
public sealed class FiniteKeyModelTests
{
    private static readonly QkdLinkParameters Paper = new()
    {
        AttenuationDbPerKm = 0.2,
        DetectorEfficiency = 0.1,
        DarkCountYield = 1.2e-6,
        Misalignment = 5e-3,
        ErrorCorrectionEfficiency = 1.16,
    };

    private static double Rate(double blockSize, double km) =>
        FiniteKeyModel.Optimal(Paper, Block(blockSize), new Kilometres(km)).RatePerPulse;

    // the first distance (to 0.1 km) at which the rate is at most the floor: the rate falls with distance, so bisection
    private static double KmBelow(double blockSize, double floor, double above, double below)
    {
        Assert.True(Rate(blockSize, above) > floor);
        Assert.True(Rate(blockSize, below) <= floor);
        while (below - above > 0.1)
        {
            var middle = (above + below) / 2;
            if (Rate(blockSize, middle) > floor)
            {
                above = middle;
            }
            else
            {
                below = middle;
            }
        }

        return below;
    }

    private static FiniteKeyParameters Block(double blockSize) => new()
    {
        BlockSize = blockSize,
        SecrecyPerKeyBit = double.IsPositiveInfinity(blockSize) ? null : 1e-15,
        EpsilonCorrectness = 1e-15,
        VacuumIntensity = 2e-4,
        AfterpulseProbability = 0.04,
    };

    [Fact]
    public void At_100_km_a_block_of_1e9_gives_about_1_75_times_the_key_of_a_block_of_1e7()
    {
        // section IV: "at a fiber length of 100 km, the secret key rate obtained with n_X = 10^9 is about 1.75 times
        // the one based on n_X = 10^7"
        var ratio = Rate(1e9, 100) / Rate(1e7, 100);

        Assert.InRange(ratio, 1.6, 1.9);
    }

    [Fact]
    public void A_block_of_1e4_gives_key_up_to_130_km_and_none_from_131_km()
    {
        // section IV: "even if we use a block size of 10^4, cryptographic keys can still be distributed over a fiber
        // length of 135 km" (the digitised curve leaves the figure's window, 1e-7 bit per pulse, at 134.6 km).
        // Eqs. (1)-(5) as printed, at their optimum, end between 130 and 131 km (below 1e-7 from 118.8 km): at 131 km
        // even q_x -> 0 (unlimited Z-basis statistics) leaves l < 0. Near the end only q_x of a few percent gives
        // key, which a search on the rate alone missed beyond 127 km.
        Assert.True(Rate(1e4, 129) > 0);
        Assert.True(Rate(1e4, 130) > 0);
        Assert.Equal(0, Rate(1e4, 131));
    }

    [Theory]
    [InlineData(1e5, 0, 1.58e-3)]
    [InlineData(1e5, 50, 1.50e-4)]
    [InlineData(1e5, 100, 1.29e-5)]
    [InlineData(1e6, 0, 3.32e-3)]
    [InlineData(1e6, 100, 2.87e-5)]
    [InlineData(1e7, 0, 5.19e-3)]
    [InlineData(1e7, 100, 4.64e-5)]
    [InlineData(1e8, 0, 7.21e-3)]
    [InlineData(1e8, 100, 6.55e-5)]
    [InlineData(1e9, 0, 8.85e-3)]
    [InlineData(1e9, 100, 8.17e-5)]
    public void Blocks_from_1e5_follow_the_digitised_figure_within_20_percent(double blockSize, double km, double figure)
    {
        // Fig. 1 as digitised from its vector data by the validation page of an independent QKD simulator ("qkd",
        // section "Lim's Fig. 1, digitised"; recovered data, checked against, not a published constant). n_X = 10^5
        // agrees to 1 % up to 50 km; from 10^6 this model is 7-15 % above the curves (docs/qkd.md)
        var ratio = Rate(blockSize, km) / figure;

        Assert.InRange(ratio, 0.85, 1.2);
    }

    [Theory]
    [InlineData(1e5, 156.1, 6)]
    [InlineData(1e6, 167.5, 3)]
    [InlineData(1e7, 173.2, 1)]
    [InlineData(1e8, 177.1, 1)]
    [InlineData(1e9, 179.6, 1)]
    public void Blocks_from_1e5_leave_the_figure_at_1e_7_where_the_digitised_curves_do(double blockSize, double figureKm, double tolerance)
    {
        // the digitised curves end where they leave the figure's window at 1e-7 bit per pulse (for 10^7-10^9 this
        // model crosses 1e-7 within 0.7 km of them and has key 4-5 km further); the gap grows as the block shrinks
        var km = KmBelow(blockSize, 1e-7, 100, 200);

        Assert.InRange(km, figureKm - tolerance, figureKm + tolerance);
    }

    [Fact]
    public void A_block_of_1e4_gives_about_0_6_of_the_digitised_figure_at_short_range()
    {
        // the one curve this model does not reproduce: the digitised 10^4 curve is 4.47e-4 at 0 km and 4.13e-5 at
        // 50 km and stays above 1e-7 to 134.6 km, where eqs. (1)-(5) as printed give at most 2.65e-4 and 2.37e-5
        // (an independent re-implementation with a 20,000-point search agrees) and fall below 1e-7 at 118.8 km;
        // neither the literal eta_ch in e_k, a per-intensity Hoeffding deviation nor a fixed eps_sec reproduces
        // both this curve and the 10^5 one (docs/qkd.md)
        Assert.InRange(Rate(1e4, 0) / 4.47e-4, 0.5, 0.7);
        Assert.InRange(Rate(1e4, 50) / 4.13e-5, 0.5, 0.7);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    [InlineData(150)]
    public void Curves_rise_from_left_to_right_with_the_block_size_and_stay_below_the_asymptotic_one(double km)
    {
        double[] blocks = [1e5, 1e6, 1e7, 1e8, 1e9, double.PositiveInfinity];
        var rates = blocks.Select(n => Rate(n, km)).ToArray();

        for (var i = 1; i < rates.Length; i++)
        {
            Assert.True(rates[i] > rates[i - 1], $"at {km} km: n_X = {blocks[i]:G2} gives {rates[i]:E3}, not above {rates[i - 1]:E3} of n_X = {blocks[i - 1]:G2}");
        }
    }

    [Fact]
    public void The_figure_window_holds_every_curve()
    {
        // Fig. 1's axes: the finite-key curves start below 1e-2 bit per pulse at 0 km, and even the asymptotic
        // curve ends before 200 km; the 10^9 curve is close to the top of the window
        Assert.InRange(Rate(1e9, 0), 5e-3, 1e-2);
        Assert.InRange(Rate(1e4, 0), 1e-4, 1e-3);
        Assert.True(Rate(double.PositiveInfinity, 175) > 1e-7);
        Assert.Equal(0, Rate(double.PositiveInfinity, 200));
    }

    [Fact]
    public void Blocks_of_1e7_to_1e9_differ_only_slightly()
    {
        // section IV: "the security performances corresponding to block sizes 10^7, 10^8, and 10^9 have only slight
        // differences", while 10^4, 10^5 and 10^6 differ distinctly
        Assert.InRange(Rate(1e9, 50) / Rate(1e7, 50), 1.2, 2);
        Assert.True(Rate(1e6, 50) / Rate(1e4, 50) > 10);
    }

    [Fact]
    public void A_block_of_1e9_gives_key_at_0_km_with_the_default_link()
    {
        // issue 20: "--block-size 1e9 gives rate 0 even at 0 km" when the block counted pulses sent
        var link = QkdLinkParameters.Gys;
        var finite = new FiniteKeyParameters { BlockSize = 1e9 };

        var rate = FiniteKeyModel.OptimalRate(link, finite, new Kilometres(0));
        var asymptotic = FiniteKeyModel.OptimalRate(link, finite with { BlockSize = double.PositiveInfinity }, new Kilometres(0));

        Assert.InRange(rate.RatePerPulse, 0.5 * asymptotic.RatePerPulse, asymptotic.RatePerPulse);
    }

    [Fact]
    public void The_block_is_the_sifted_x_basis_detections_and_the_pulses_follow_from_the_link()
    {
        var result = FiniteKeyModel.Optimal(Paper, Block(1e6), new Kilometres(50));
        var s = result.Settings;
        var eta = Paper.Transmittance(new Kilometres(50));
        var perPulse = 0.0;
        foreach (var (k, p) in new[] { (s.SignalIntensity, s.SignalProbability), (s.DecoyIntensity, s.DecoyProbability), (s.VacuumIntensity, s.VacuumProbability) })
        {
            perPulse += p * (1 - ((1 - 1.2e-6) * Math.Exp(-eta * k))) * 1.04;
        }

        Assert.Equal(1e6 / (s.ProbabilityX * s.ProbabilityX * perPulse), result.Pulses, 1e-6 * result.Pulses);
        Assert.Equal(result.KeyLength / result.Pulses, result.RatePerPulse, 1e-12);
    }

    [Fact]
    public void Tighter_secrecy_costs_key()
    {
        var distance = new Kilometres(25);
        var loose = FiniteKeyModel.Optimal(Paper, new FiniteKeyParameters { BlockSize = 1e6, EpsilonSecrecy = 1e-6 }, distance).KeyLength;
        var tight = FiniteKeyModel.Optimal(Paper, new FiniteKeyParameters { BlockSize = 1e6, EpsilonSecrecy = 1e-15 }, distance).KeyLength;

        Assert.True(tight < loose, $"{tight} not below {loose}");
        Assert.True(tight > 0);
    }

    [Fact]
    public void Evaluate_rejects_settings_outside_the_bounds_conditions()
    {
        var settings = new DecoySettings(0.3, 0.2, 0.15, 0.5, 0.3, 0.9); // mu1 <= mu2 + mu3

        var ex = Assert.Throws<ArgumentException>(() => FiniteKeyModel.Evaluate(Paper, new FiniteKeyParameters(), new Kilometres(10), settings));
        Assert.Contains("mu1 > mu2 + mu3", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_a_block_below_one_detection_and_an_after_pulse_probability_of_one()
    {
        var finite = new FiniteKeyParameters { BlockSize = 0.5, AfterpulseProbability = 1 };

        var ex = Assert.Throws<ArgumentException>(() => FiniteKeyModel.Optimal(Paper, finite, new Kilometres(10)));
        Assert.Contains("block size must be >= 1 sifted X-basis detection, got 0.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("after-pulse probability must be in [0, 1), got 1", ex.Message, StringComparison.Ordinal);
    }
}
