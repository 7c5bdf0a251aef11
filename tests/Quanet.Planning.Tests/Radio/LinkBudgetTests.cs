using Quanet.Core.Units;
using Quanet.Planning.Radio;

namespace Quanet.Planning.Tests.Radio;

public sealed class LinkBudgetTests
{
    [Fact]
    public void Sensitivity_is_thermal_noise_plus_noise_figure_plus_snr()
    {
        var budget = new LinkBudget { BandwidthHz = 10e6, NoiseFigureDb = 7, RequiredSnrDb = -6 };

        // -174 dBm/Hz + 70 dB-Hz + 7 dB - 6 dB
        Assert.Equal(-103.0, budget.Sensitivity.Value, 9);
    }

    [Fact]
    public void Maximum_path_loss_adds_every_term_once()
    {
        var budget = new LinkBudget
        {
            TxPowerDbm = 43,
            TxAntennaGainDbi = 18,
            CableLossDb = 3,
            RxAntennaGainDbi = 2,
            BodyLossDb = 3,
            PenetrationLossDb = 10,
            FadeMarginDb = 8,
            SensitivityDbm = -100,
        };

        Assert.Equal(58.0, budget.Eirp.Value, 9);
        Assert.Equal(58 + 2 - 3 - 10 - 8 + 100, budget.MaximumPathLoss.Value, 9);
    }

    [Fact]
    public void Coverage_radius_inverts_free_space_exactly()
    {
        // free space at 1 GHz, equal heights: 20 log10(4 pi d f / c) = 100 dB at d = c 10^5 / (4 pi f)
        var geometry = new LinkGeometry(Frequency.FromGigahertz(1), new Metres(10), new Metres(10));
        var expected = FreeSpacePathLoss.SpeedOfLight * 1e5 / (4 * Math.PI * 1e9);

        var radius = CoverageRadius.Solve(new FreeSpacePathLoss(), geometry, new Decibels(100), new Metres(100_000));

        Assert.Equal(expected, radius.Value, 0.1);
    }

    [Fact]
    public void Coverage_radius_is_zero_or_capped_at_the_ends()
    {
        var geometry = new LinkGeometry(Frequency.FromMegahertz(800), new Metres(30), new Metres(1.5));
        var model = PathLossModels.Create("hata-suburban");

        Assert.Equal(0, CoverageRadius.Solve(model, geometry, new Decibels(10), new Metres(50_000)).Value);
        Assert.Equal(50_000, CoverageRadius.Solve(model, geometry, new Decibels(300), new Metres(50_000)).Value);
    }

    [Fact]
    public void Unknown_model_names_list_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => PathLossModels.Create("okumura"));

        Assert.Contains("hata-suburban", ex.Message, StringComparison.Ordinal);
        Assert.Contains("uma-nlos", ex.Message, StringComparison.Ordinal);
    }
}
