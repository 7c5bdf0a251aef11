using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Quanet.Cli.Tests;

public sealed class ServeCommandTests : IDisposable
{
    private readonly string _data = Directory.CreateTempSubdirectory("quanet-serve-").FullName;

    public void Dispose() => Directory.Delete(_data, recursive: true);

    [Fact]
    public async Task Keys_add_prints_the_secret_as_its_last_line_list_shows_no_secret_and_remove_deletes()
    {
        var (code, output, err) = await CliHarness.RunAsync("serve", "keys", "add", "ci", "--role", "operator", "--data", _data);
        var secret = output.TrimEnd().Split('\n')[^1];
        var (listCode, list, _) = await CliHarness.RunAsync("serve", "keys", "list", "--data", _data);
        var (removeCode, _, _) = await CliHarness.RunAsync("serve", "keys", "remove", "ci", "--data", _data);
        var (againCode, _, againErr) = await CliHarness.RunAsync("serve", "keys", "remove", "ci", "--data", _data);
        var (badCode, _, badErr) = await CliHarness.RunAsync("serve", "keys", "add", "x", "--role", "root", "--data", _data);

        Assert.True(code == 0, err);
        Assert.Matches("^qnk_[A-Za-z0-9_-]{43}$", secret);
        Assert.Equal(0, listCode);
        Assert.Equal("ci\toperator", list.Trim());
        Assert.DoesNotContain(secret, await File.ReadAllTextAsync(Path.Combine(_data, "server.db")), StringComparison.Ordinal);
        Assert.Equal(0, removeCode);
        Assert.Equal(1, againCode);
        Assert.Contains("no API key named 'ci'", againErr, StringComparison.Ordinal);
        Assert.Equal(2, badCode);
        Assert.Contains("--role must be one of viewer, planner, operator, admin", badErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Job_options_are_checked_before_the_server_starts()
    {
        var (code, output, err) = await CliHarness.RunAsync(
            "serve", "--data", _data, "--listen", "127.0.0.1:0", "--max-jobs", "0", "--jobs-postgres-env", "QUANET_TEST_UNSET_VARIABLE");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Contains("error: --max-jobs must be at least 1 (got 0)", err, StringComparison.Ordinal);
        Assert.Contains("error: --jobs-postgres-env: the environment variable QUANET_TEST_UNSET_VARIABLE is not set", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ops_serve_no_longer_serves_and_says_where_to_go()
    {
        var (code, _, err) = await CliHarness.RunAsync("ops", "serve", "--port", "8080");

        Assert.Equal(2, code);
        Assert.Contains("quanet serve --listen 127.0.0.1:8080 --data DIR", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_runs_the_real_command_answers_with_keys_logs_json_without_secrets_and_stops_on_SIGTERM()
    {
        var (_, added, _) = await CliHarness.RunAsync("serve", "keys", "add", "alice", "--role", "admin", "--data", _data);
        var secret = added.TrimEnd().Split('\n')[^1];
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "quanet.dll"), "serve", "--listen", "127.0.0.1:0", "--data", _data])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            var address = await ListeningAddress(process);
            using var http = new HttpClient { BaseAddress = address };
            var health = await http.GetAsync("healthz");
            var anonymous = await http.GetAsync("api/v1/whoami");
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            var whoami = await http.GetStringAsync("api/v1/whoami");
            var openapi = await http.GetAsync("openapi/v1.json");
            var created = await http.PostAsync("api/v1/keys", new StringContent("{\"name\":\"bob\",\"role\":\"viewer\"}", System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Contains("\"name\":\"alice\"", whoami, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, openapi.StatusCode);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        finally
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill!.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(timeout.Token);
        }

        var log = await stderr;
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("{\"Timestamp\":", log, StringComparison.Ordinal);
        Assert.Contains("stopping", log, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, log, StringComparison.Ordinal);
        Assert.DoesNotContain("qnk_", log, StringComparison.Ordinal);
    }

    private static async Task<Uri> ListeningAddress(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("listening on ", StringComparison.Ordinal))
            {
                return new Uri(line.Split(' ')[2]);
            }
        }

        throw new InvalidOperationException("quanet serve ended before it listened");
    }
}
