namespace Quanet.Cli.Tests;

/// <summary>Messages say what went wrong in Quanet's words, not .NET's (issue #16, defect 15).</summary>
public sealed class MessageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-messages-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task An_unknown_command_is_named_in_one_line_without_required_command_was_not_provided()
    {
        var (code, _, err) = await CliHarness.RunAsync("quanet-foo");

        Assert.Equal(2, code);
        Assert.Equal("error: Unrecognized command or argument 'quanet-foo'.", err.Trim());
    }

    [Fact]
    public async Task An_unknown_command_is_escaped_before_it_reaches_the_terminal()
    {
        var (_, _, err) = await CliHarness.RunAsync("\u001b[2J");

        Assert.DoesNotContain('\u001b', err);
        Assert.Contains("\\x1B[2J", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_output_prefix_in_a_missing_folder_is_a_usage_error_naming_the_folder()
    {
        var prefix = Path.Combine(_dir, "missing", "bob");

        var (code, _, err) = await CliHarness.RunAsync("pqc", "keygen", "ML-KEM-768", "--out", prefix);

        Assert.Equal(2, code);
        Assert.Equal($"error: --out {prefix}: folder {Path.Combine(_dir, "missing")} does not exist", err.Trim());
    }

    [Fact]
    public async Task An_events_file_under_a_file_is_a_usage_error_not_a_missing_file()
    {
        var file = Path.Combine(_dir, "plain.txt");
        await File.WriteAllTextAsync(file, "x");

        var (code, _, err) = await CliHarness.RunAsync("ops", "simulate", "--hours", "1", "--events-out", Path.Combine(file, "storm.ndjson"));

        Assert.Equal(2, code);
        Assert.Equal($"error: --events-out {Path.Combine(file, "storm.ndjson")}: {file} is a file, not a folder", err.Trim());
    }

    [Fact]
    public async Task A_certificate_folder_that_cannot_be_created_is_said_so()
    {
        var (code, _, err) = await CliHarness.RunAsync("kme", "certs", "--out", "/proc/quanet-no-such-folder", "--kme", "KME_A", "--sae", "SAE_A");

        Assert.Equal(1, code);
        Assert.Equal("error: --out /proc/quanet-no-such-folder: cannot create the folder", err.Trim());
    }
}
