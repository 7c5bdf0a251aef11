using Quanet.Cli.Infrastructure;
using Quanet.Testing;
using Spectre.Console.Testing;

namespace Quanet.Cli.Tests.Infrastructure;

/// <summary>
/// The progress bar of long solves (setcover, steiner, maxcut, qubo solve): drawn on a terminal with the solver's latest
/// status, never into a pipe or a file, never with <c>--json</c> (issue #16, defect 14).
/// </summary>
public sealed class LongRunTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task A_terminal_shows_the_bar_with_the_label_and_the_latest_status()
    {
        var terminal = new TestConsole().Interactive().EmitAnsiSequences();

        var result = await LongRun.RunAsync(terminal, "setcover cpsat", Limit, quiet: false, Work, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Contains("setcover cpsat: cost 17", terminal.Output, StringComparison.Ordinal);
        Assert.Contains("━", terminal.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_redirected_console_gets_no_progress()
    {
        var redirected = new TestConsole();

        var result = await LongRun.RunAsync(redirected, "steiner dual-ascent", Limit, quiet: false, Work, CancellationToken.None);

        Assert.Equal(42, result);
        Assert.Equal(string.Empty, redirected.Output);
    }

    [Fact]
    public async Task Json_output_gets_no_progress_even_on_a_terminal()
    {
        var terminal = new TestConsole().Interactive().EmitAnsiSequences();

        await LongRun.RunAsync(terminal, "setcover cpsat", Limit, quiet: true, Work, CancellationToken.None);

        Assert.Equal(string.Empty, terminal.Output);
    }

    [Theory]
    [InlineData("setcover")]
    [InlineData("steiner")]
    public async Task Commands_writing_to_a_pipe_print_their_result_without_a_bar(string command)
    {
        string[] args = command == "setcover"
            ? ["setcover", SharedBenchmarks.Example("setcover/small.txt"), "--solver", "heuristic", "--time", "3"]
            : ["steiner", SharedBenchmarks.Example("steiner/instance001.gr"), "--time", "3"];

        var (code, output, error) = await CliHarness.RunAsync(args);

        Assert.True(code == 0, error);
        Assert.NotEqual(string.Empty, output.Trim());
        Assert.DoesNotContain("━", output, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", output, StringComparison.Ordinal);
    }

    // reports a status, then works long enough for the bar to redraw it (it looks every 200 ms)
    private static int Work(IProgress<string> status)
    {
        status.Report("cost 17");
        Thread.Sleep(700);
        return 42;
    }
}
