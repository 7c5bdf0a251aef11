using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Quanet.Cluster.Local;
using Quanet.Cluster.Tests.Processing.Support;
using Quanet.Cluster.Tests.Support;

namespace Quanet.Cluster.Tests.Chaos;

public sealed class LocalClusterCommandTests
{
    [NatsAndPostgresFact]
    public async Task Cluster_up_answers_a_sender_and_cluster_down_leaves_no_process_behind()
    {
        using var folder = new ClusterFolder();
        var data = folder.Path;
        using var up = QuanetRun.Start("ops", "cluster", "up", "--silos", "1", "--nats", "1", "--data", data, "--sites", "10", "--bundle", "10", "--silo-nice", "5");
        Assert.True(await up.WaitForLineAsync("cluster ready", TimeSpan.FromSeconds(150)), up.Output);

        // in between: a sender with the operator key gets 202 from the collector
        var state = LocalCluster.ReadState(data)!;
        var secret = (await File.ReadAllTextAsync(state.KeyFile!)).Trim();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(state.KeyFile!));
        }

        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(state.Collectors[0].Address), "eventListener/v7"))
        {
            Content = new StringContent(Operations.Ingestion.VesEventWriter.ToJson(TestEvents.Fault("S01/du", 1)), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("operator:" + secret)));
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var pids = state.Nats.Concat(state.Silos).Concat(state.Collectors).Select(p => p.Pid).Append(state.OwnerPid).ToList();
        Assert.All(pids, pid => Assert.True(pid > 0));
        if (OperatingSystem.IsLinux())
        {
            Assert.All(state.Silos, silo => Assert.Equal(5, Nice(silo.Pid))); // --silo-nice: the silos only
            Assert.All(state.Collectors.Concat(state.Nats), p => Assert.Equal(Nice(state.OwnerPid), Nice(p.Pid)));
        }

        var down = await QuanetRun.RunAsync(TimeSpan.FromSeconds(120), "ops", "cluster", "down", "--data", data);

        Assert.Equal(0, down.Code);
        Assert.Contains("stopped", down.Output, StringComparison.Ordinal);
        Assert.Equal(0, await up.ExitAsync(TimeSpan.FromSeconds(60)));
        Assert.All(pids, pid => Assert.False(File.Exists($"/proc/{pid}/cmdline") && !IsZombie(pid), $"process {pid} still runs"));
        Assert.False(File.Exists(Path.Combine(state.PostgresData, "postmaster.pid")), "PostgreSQL still runs");
        Assert.False(File.Exists(Path.Combine(data, "cluster.json")));
    }

    // field 19 of /proc/PID/stat, the 17th after the command name's closing parenthesis
    private static int Nice(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Cluster_up_and_chaos_exit_1_with_one_line_naming_a_missing_nats_server()
    {
        using var folder = new ClusterFolder();

        var up = await QuanetRun.RunAsync(TimeSpan.FromSeconds(60), "ops", "cluster", "up", "--data", folder.Path, "--nats-server", "/nonexistent/nats-server");
        var chaos = await QuanetRun.RunAsync(TimeSpan.FromSeconds(60), "ops", "chaos", "--seed", "1", "--json", "--nats-server", "/nonexistent/nats-server");

        foreach (var (code, output, error) in new[] { up, chaos })
        {
            Assert.Equal(1, code);
            Assert.Equal("", output);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("error: a local cluster needs nats-server (/nonexistent/nats-server does not exist)", line, StringComparison.Ordinal);
            Assert.EndsWith("(Debian: apt-get install nats-server postgresql)", line, StringComparison.Ordinal);
        }
    }

    [NatsAndPostgresFact]
    public async Task Chaos_on_a_small_storm_loses_nothing_repeats_no_action_and_finds_the_embedded_incidents()
    {
        var (code, output, error) = await QuanetRun.RunAsync(TimeSpan.FromMinutes(5), "ops", "chaos", "--seed", "1", "--events", "2000", "--sites", "40", "--json");

        Assert.True(code == 0, error);
        using var report = JsonDocument.Parse(output);
        var root = report.RootElement;
        foreach (var field in new[] { "acknowledged", "stored", "lost", "duplicate_actions", "events_per_second" })
        {
            Assert.Equal(JsonValueKind.Number, root.GetProperty(field).ValueKind);
            Assert.True(root.GetProperty(field).TryGetInt64(out _), field + " is an integer");
        }

        Assert.Equal(JsonValueKind.Number, root.GetProperty("recovery_seconds").ValueKind);
        Assert.Equal(2000, root.GetProperty("acknowledged").GetInt64());
        Assert.Equal(2000, root.GetProperty("stored").GetInt64());
        Assert.Equal(0, root.GetProperty("lost").GetInt64());
        Assert.Equal(0, root.GetProperty("duplicate_actions").GetInt64());
        Assert.True(root.GetProperty("incidents_match").GetBoolean(), output);
        Assert.Equal(["collector", "nats", "silo"], root.GetProperty("kills").EnumerateArray().Select(k => k.GetProperty("kind").GetString()).Order());
        Assert.All(root.GetProperty("kills").EnumerateArray(), k => Assert.True(k.GetProperty("restarted_at_seconds").GetDouble() > k.GetProperty("killed_at_seconds").GetDouble()));
        Assert.Contains("cluster down", error, StringComparison.Ordinal);
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
