using Quanet.Core.Units;
using Quanet.Security.Qkd;

namespace Quanet.Security.Tests.Qkd;

public sealed class FiniteKeyModelTests
{
    private static readonly QkdLinkParameters Link = QkdLinkParameters.Gys;

    [Fact]
    public void Finite_key_rate_grows_with_the_block_size_towards_the_asymptotic_bound()
    {
        var distance = new Kilometres(50);
        var finite = new FiniteKeyParameters();
        var rates = new[] { 1e11, 1e12, 1e13, 1e15 }
            .Select(n => FiniteKeyModel.OptimalRate(Link, finite with { Pulses = n }, distance).RatePerPulse)
            .ToArray();

        // asymptotic bound of the same vacuum + weak decoy protocol: only X-basis detections (p_X^2) give key
        var asymptotic = DecoyBb84Model.OptimalRate(Link with { SiftingFactor = 0.81 }, QkdProtocol.VacuumWeak, distance).RatePerPulse;

        for (var i = 1; i < rates.Length; i++)
        {
            Assert.True(rates[i] > rates[i - 1], $"rate at block {i} ({rates[i]}) not above the smaller block ({rates[i - 1]})");
        }

        Assert.True(rates[^1] < asymptotic, $"finite-key {rates[^1]} above the asymptotic {asymptotic}");
        // 30 % of the pulses are decoys that cost error correction but add little single-photon key
        Assert.True(rates[^1] > 0.7 * asymptotic, $"finite-key {rates[^1]} far below the asymptotic {asymptotic} at 1e15 pulses");
    }

    [Fact]
    public void Small_blocks_produce_no_key_at_long_distance()
    {
        var rate = FiniteKeyModel.OptimalRate(Link, new FiniteKeyParameters { Pulses = 1e8 }, new Kilometres(100));

        Assert.Equal(0, rate.RatePerPulse);
    }

    [Fact]
    public void Tighter_secrecy_costs_key()
    {
        var distance = new Kilometres(25);
        var loose = FiniteKeyModel.OptimalRate(Link, new FiniteKeyParameters { EpsilonSecrecy = 1e-6 }, distance).RatePerPulse;
        var tight = FiniteKeyModel.OptimalRate(Link, new FiniteKeyParameters { EpsilonSecrecy = 1e-15 }, distance).RatePerPulse;

        Assert.True(tight < loose);
        Assert.True(tight > 0);
    }

    [Fact]
    public void Rejects_probabilities_that_do_not_sum_to_one()
    {
        var finite = new FiniteKeyParameters { IntensityProbabilities = (0.5, 0.2, 0.2) };

        var ex = Assert.Throws<ArgumentException>(() => FiniteKeyModel.OptimalRate(Link, finite, new Kilometres(10)));
        Assert.Contains("sum to 1", ex.Message, StringComparison.Ordinal);
    }
}
