using Quanet.Core.Units;

namespace Quanet.Core.Tests.Units;

public sealed class FrequencyTests
{
    [Fact]
    public void Converts_between_hertz_megahertz_and_gigahertz()
    {
        var band = Frequency.FromMegahertz(800);

        Assert.Equal(800e6, band.Hertz);
        Assert.Equal(0.8, band.Gigahertz);
        Assert.Equal(Frequency.FromGigahertz(3.5), new Frequency(3.5e9));
        Assert.Equal("869 MHz", Frequency.FromMegahertz(869).ToString());
        Assert.Equal("2114.5 MHz", new Frequency(2_114_500_000).ToString());
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-800.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Refuses_a_non_positive_or_non_finite_frequency(double value)
    {
        var hertz = Assert.Throws<ArgumentOutOfRangeException>(() => new Frequency(value));
        var megahertz = Assert.Throws<ArgumentOutOfRangeException>(() => Frequency.FromMegahertz(value));
        var gigahertz = Assert.Throws<ArgumentOutOfRangeException>(() => Frequency.FromGigahertz(value));

        Assert.Equal("hertz", hertz.ParamName);
        Assert.Equal("megahertz", megahertz.ParamName);
        Assert.Equal("gigahertz", gigahertz.ParamName);
        Assert.StartsWith("frequency must be a finite number of MHz > 0, got ", megahertz.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_megahertz_that_overflow_hertz()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Frequency.FromMegahertz(1e303));

        Assert.Equal("megahertz", ex.ParamName);
    }
}
