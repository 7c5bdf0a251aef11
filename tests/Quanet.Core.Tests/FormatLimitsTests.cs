namespace Quanet.Core.Tests;

public sealed class FormatLimitsTests
{
    [Fact]
    public void Defaults_are_the_documented_values()
    {
        Assert.Equal(256L << 20, FormatLimits.Default.MaxInputBytes);
        Assert.Equal(4_194_304, FormatLimits.Default.MaxVariables);
        Assert.Equal(64, FormatLimits.Default.MaxJsonDepth);
    }

    [Fact]
    public void Rejects_a_non_positive_limit()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => FormatLimits.Default with { MaxVariables = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FormatLimits.Default with { MaxInputBytes = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => FormatLimits.Default with { MaxJsonDepth = 0 });
    }

    [Fact]
    public void A_variable_count_over_the_limit_names_the_limit()
    {
        var ex = Assert.Throws<InputFormatException>(() => FormatLimits.Default.RequireVariables(2_000_000_000, "big.txt", 1, "vertices"));
        Assert.Equal("big.txt:1: 2000000000 vertices is over the limit of 4194304 (FormatLimits.MaxVariables)", ex.Message);
    }

    [Fact]
    public void Reading_a_file_over_the_byte_limit_fails_with_the_limit_named()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, new string('x', 1000));
            var limits = FormatLimits.Default with { MaxInputBytes = 999 };
            var ex = Assert.Throws<InputFormatException>(() => limits.ReadAllText(path));
            Assert.Contains("over the limit of 999 bytes (FormatLimits.MaxInputBytes)", ex.Message, StringComparison.Ordinal);
            Assert.Throws<InputFormatException>(() => limits.ReadAllBytes(path));
            Assert.Equal(1000, (FormatLimits.Default with { MaxInputBytes = 1000 }).ReadAllText(path).Length);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reading_a_stream_over_the_byte_limit_fails_with_its_name()
    {
        var limits = FormatLimits.Default with { MaxInputBytes = 999 };
        using (var big = limits.OpenText(new MemoryStream(new byte[1000]), "stdin"))
        {
            var ex = Assert.Throws<InputFormatException>(() => big.ReadToEnd());
            Assert.StartsWith("stdin", ex.Message, StringComparison.Ordinal);
            Assert.Contains("over the limit of 999 bytes", ex.Message, StringComparison.Ordinal);
        }

        using var fits = limits.OpenText(new MemoryStream("x y\n"u8.ToArray()), "stdin");
        Assert.Equal("x y\n", fits.ReadToEnd());
    }
}
