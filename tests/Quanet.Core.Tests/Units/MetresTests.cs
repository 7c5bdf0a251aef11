using Quanet.Core.Units;

namespace Quanet.Core.Tests.Units;

public sealed class MetresTests
{
    [Fact]
    public void Converts_to_and_from_kilometres()
    {
        var length = Metres.FromKilometres(2.5);

        Assert.Equal(2500, length.Value);
        Assert.Equal(2.5, length.Kilometres);
        Assert.Equal(new Kilometres(2.5), length.ToKilometres());
        Assert.Equal(length, length.ToKilometres().ToMetres());
    }

    [Fact]
    public void Orders_and_formats_like_a_length()
    {
        Assert.True(new Metres(1) < new Metres(2));
        Assert.True(new Metres(2) >= new Metres(2));
        Assert.Equal(-1, new Metres(5).CompareTo(new Metres(6)));
        Assert.Equal("6062.8 m", new Metres(6062.84).ToString());
        Assert.Equal("0 m", default(Metres).ToString());
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Refuses_a_negative_or_non_finite_length(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Metres(value));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("length must be a finite number of m >= 0, got ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.001)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e306)]
    public void Refuses_kilometres_that_make_no_length_in_metres(double kilometres)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Metres.FromKilometres(kilometres));

        Assert.Equal("kilometres", ex.ParamName);
    }
}
