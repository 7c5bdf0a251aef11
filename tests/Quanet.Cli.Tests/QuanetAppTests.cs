namespace Quanet.Cli.Tests;

public sealed class QuanetAppTests
{
    [Fact]
    public async Task Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (code, _, err) = await CliHarness.RunAsync("--no-such-option");

        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_lists_the_areas_and_succeeds()
    {
        var (code, output, _) = await CliHarness.RunAsync("--help");

        Assert.Equal(0, code);
        Assert.Contains("plan", output, StringComparison.Ordinal);
        Assert.Contains("steiner", output, StringComparison.Ordinal);
        Assert.Contains("kme", output, StringComparison.Ordinal);
    }
}
