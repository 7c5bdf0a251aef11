using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Security.Tests.Qkd;

public sealed class DecoyBb84ModelTests
{
    private static readonly QkdLinkParameters Gys = QkdLinkParameters.Gys;

    // Lo, Ma, Chen, PRL 94, 230504 (2005), GYS parameters: optimal infinite-decoy key rate per pulse
    // (values as given in issue 5, reproduced to 4 digits by the formulas of that paper).
    [Theory]
    [InlineData(0, 2.555e-3)]
    [InlineData(10, 1.567e-3)]
    [InlineData(25, 7.544e-4)]
    [InlineData(50, 2.226e-4)]
    [InlineData(75, 6.435e-5)]
    [InlineData(100, 1.719e-5)]
    [InlineData(120, 4.819e-6)]
    [InlineData(130, 1.965e-6)]
    [InlineData(140, 2.653e-7)]
    public void Infinite_decoy_rate_matches_the_GYS_reference_within_one_percent(double km, double expected)
    {
        var rate = DecoyBb84Model.OptimalRate(Gys, QkdProtocol.Decoy, new Kilometres(km));

        Assert.InRange(rate.RatePerPulse, expected * 0.99, expected * 1.01);
        Assert.InRange(rate.Mu, 0.4, 0.5);
        Assert.Equal(rate.RatePerPulse * 1e9, rate.RateBitsPerSecond, 6);
    }

    [Fact]
    public void Infinite_decoy_maximum_distance_is_142_3_km()
    {
        var distance = DecoyBb84Model.MaximumDistance(Gys, QkdProtocol.Decoy);

        Assert.NotNull(distance);
        Assert.InRange(distance.Value.Value, 142.0, 142.5);
    }

    [Fact]
    public void Without_decoys_the_GLLP_rate_ends_near_40_5_km()
    {
        var distance = DecoyBb84Model.MaximumDistance(Gys, QkdProtocol.Gllp);

        Assert.NotNull(distance);
        Assert.InRange(distance.Value.Value, 39.5, 41.5);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(50)]
    [InlineData(100)]
    public void Vacuum_plus_weak_decoy_lies_between_GLLP_and_infinite_decoys(double km)
    {
        var distance = new Kilometres(km);
        var infinite = DecoyBb84Model.OptimalRate(Gys, QkdProtocol.Decoy, distance).RatePerPulse;
        var practical = DecoyBb84Model.OptimalRate(Gys, QkdProtocol.VacuumWeak, distance).RatePerPulse;
        var gllp = DecoyBb84Model.OptimalRate(Gys, QkdProtocol.Gllp, distance).RatePerPulse;

        Assert.True(practical <= infinite, $"vacuum+weak {practical} above infinite-decoy {infinite}");
        Assert.True(practical >= gllp, $"vacuum+weak {practical} below GLLP {gllp}");
    }

    [Fact]
    public void A_small_weak_decoy_approaches_the_infinite_decoy_bound()
    {
        // Ma, Qi, Zhao, Lo 2005: as nu -> 0 the vacuum+weak bounds become tight
        var link = Gys with { DecoyIntensity = 0.01 };
        var infinite = DecoyBb84Model.OptimalRate(link, QkdProtocol.Decoy, new Kilometres(50)).RatePerPulse;
        var practical = DecoyBb84Model.OptimalRate(link, QkdProtocol.VacuumWeak, new Kilometres(50)).RatePerPulse;

        Assert.InRange(practical / infinite, 0.9, 1.0);
    }

    [Fact]
    public void Qber_at_zero_km_is_close_to_the_misalignment()
    {
        var rate = DecoyBb84Model.RateAt(Gys, QkdProtocol.Decoy, new Kilometres(0), 0.48);

        Assert.InRange(rate.Qber, 0.033, 0.0331);
    }

    [Theory]
    [InlineData(0.0, "detector efficiency must be in (0, 1], got 0")]
    [InlineData(1.5, "detector efficiency must be in (0, 1], got 1.5")]
    public void Rejects_a_detector_efficiency_outside_zero_to_one(double efficiency, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => DecoyBb84Model.OptimalRate(Gys with { DetectorEfficiency = efficiency }, QkdProtocol.Decoy, new Kilometres(10)));
        Assert.Equal(message, ex.Message);
    }

    [Fact]
    public void Reports_every_bad_parameter_at_once()
    {
        var link = Gys with { DetectorEfficiency = 2, Misalignment = -0.1, ErrorCorrectionEfficiency = 0.5 };

        var ex = Assert.Throws<ArgumentException>(link.Validate);

        Assert.Contains("detector efficiency", ex.Message, StringComparison.Ordinal);
        Assert.Contains("misalignment", ex.Message, StringComparison.Ordinal);
        Assert.Contains("error-correction efficiency", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lossless_fibre_has_no_maximum_distance()
    {
        var distance = DecoyBb84Model.MaximumDistance(Gys with { AttenuationDbPerKm = 0 }, QkdProtocol.Decoy);

        Assert.Null(distance);
    }
}
