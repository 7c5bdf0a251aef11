using Quanet.Core.Units;

namespace Quanet.Core.Tests.Units;

public sealed class KilometresTests
{
    [Fact]
    public void Formats_to_the_metre()
    {
        Assert.Equal("142.301 km", new Kilometres(142.30149).ToString());
        Assert.Equal("0 km", default(Kilometres).ToString());
    }

    [Fact]
    public void Converts_to_metres()
    {
        Assert.Equal(new Metres(25_000), new Kilometres(25).ToMetres());
    }

    [Fact]
    public void Rejects_a_negative_distance()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Kilometres(-5));

        Assert.Equal("value", ex.ParamName);
        Assert.StartsWith("distance must be a finite number of km >= 0, got -5", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Rejects_a_non_finite_distance(double value)
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => new Kilometres(value));

        Assert.Equal("value", ex.ParamName);
    }
}
