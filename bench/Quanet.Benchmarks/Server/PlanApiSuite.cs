using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Quanet.Benchmarks.Suites;
using Quanet.Server;
using Quanet.Server.Security;

namespace Quanet.Benchmarks.Server;

/// <summary>
/// The default plan through the API against <c>quanet plan</c> on the CLI, alternating, in one run:
/// <c>plan-api [rounds] [path/to/quanet.dll]</c>. The CLI time is the whole process (start-up included), as a user
/// waits for it; the API time runs from <c>POST /api/v1/plans {}</c> to the terminal <c>status</c> event of
/// <c>/events</c> on one server started before the first round (its first job pays the server's JIT).
/// </summary>
public sealed class PlanApiSuite : ISuite
{
    /// <inheritdoc />
    public string Name => "plan-api";

    /// <inheritdoc />
    public int Run(string[] args) => RunAsync(args).GetAwaiter().GetResult();

    private static async Task<int> RunAsync(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var cli = args.Length > 1 ? args[1] : Path.GetFullPath("src/Quanet.Cli/bin/Release/net10.0/quanet.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"{cli}: not found; build it first: dotnet build src/Quanet.Cli -c Release");
            return 2;
        }

        var data = Directory.CreateTempSubdirectory("quanet-bench-server-").FullName;
        var secret = new ApiKeyStore(QuanetServer.DatabasePath(data)).Add("bench", Roles.Planner, DateTimeOffset.UtcNow);
        await using var server = await QuanetServer.StartAsync(new ServerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), DataDirectory = data });
        using var client = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(10) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        Console.WriteLine("| round | CLI s (process) | API s (submit to succeeded) | API / CLI |");
        Console.WriteLine("|---|---|---|---|");
        var cliTimes = new List<double>();
        var apiTimes = new List<double>();
        for (var round = 1; round <= rounds; round++)
        {
            var c = await CliAsync(cli);
            var a = await ApiAsync(client);
            cliTimes.Add(c);
            apiTimes.Add(a);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {round} | {c:0.00} | {a:0.00} | {a / c:0.00} |"));
        }

        var (cm, am) = (Median(cliTimes), Median(apiTimes));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| median | {cm:0.00} | {am:0.00} | {am / cm:0.00} |"));
        Directory.Delete(data, recursive: true);
        return 0;
    }

    private static async Task<double> CliAsync(string cli)
    {
        var output = Directory.CreateTempSubdirectory("quanet-bench-cli-").FullName;
        var info = new ProcessStartInfo("dotnet", [cli, "plan", "--json", "--out", output]) { RedirectStandardOutput = true, RedirectStandardError = true };
        var watch = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        watch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"quanet plan failed ({process.ExitCode}): {await stderr}{await stdout}");
        }

        Directory.Delete(output, recursive: true);
        return watch.Elapsed.TotalSeconds;
    }

    private static async Task<double> ApiAsync(HttpClient client)
    {
        var watch = Stopwatch.StartNew();
        using var submitted = await client.PostAsync("api/v1/plans", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        submitted.EnsureSuccessStatusCode();
        var id = System.Text.Json.JsonDocument.Parse(await submitted.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();
        using var events = await client.GetAsync($"api/v1/plans/{id}/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await events.Content.ReadAsStreamAsync());
        string? last = null;
        while (await reader.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                last = line;
            }
        }

        watch.Stop();
        if (last is null || !last.Contains("\"status\":\"succeeded\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"plan job {id} did not succeed: {last}");
        }

        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
