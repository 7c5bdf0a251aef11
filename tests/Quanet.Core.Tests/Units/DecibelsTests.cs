using Quanet.Core.Units;

namespace Quanet.Core.Tests.Units;

public sealed class DecibelsTests
{
    [Fact]
    public void Adds_subtracts_and_negates_levels()
    {
        // a 46 dBm EIRP less 143 dB of path loss plus a 2 dB gain
        var level = new Decibels(46) - new Decibels(143) + new Decibels(2);

        Assert.Equal(-95, level.Value);
        Assert.Equal(95, (-level).Value);
        Assert.True(level < new Decibels(-94));
        Assert.Equal("-95.00 dB", level.ToString());
    }

    [Fact]
    public void Power_ratios_map_to_decibels()
    {
        Assert.Equal(20, Decibels.FromPowerRatio(100).Value, 12);
        Assert.Equal(-3.0103, Decibels.FromPowerRatio(0.5).Value, 4);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_a_non_finite_value(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Decibels(value));

        Assert.Equal("value", ex.ParamName);
    }

    [Fact]
    public void Refuses_a_sum_that_overflows()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new Decibels(double.MaxValue) + new Decibels(double.MaxValue));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_power_ratio_with_no_finite_decibel_value(double ratio)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Decibels.FromPowerRatio(ratio));

        Assert.Equal("ratio", ex.ParamName);
        Assert.StartsWith("power ratio must be a finite number > 0, got ", ex.Message, StringComparison.Ordinal);
    }
}
