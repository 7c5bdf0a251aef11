using System.Net;
using System.Net.Http.Headers;
using Quanet.Server.Security;
using Quanet.Server.Tests.Plans.Support;

namespace Quanet.Server.Tests.Plans;

/// <summary>Real servers stopped and started again over one data directory: a running job is never silently lost.</summary>
public sealed class PlanRestartTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("quanet-restart-").FullName;
    private readonly string _secret;

    public PlanRestartTests() => _secret = new ApiKeyStore(QuanetServer.DatabasePath(_directory)).Add("planner", Roles.Planner, DateTimeOffset.UtcNow);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task A_job_running_when_the_server_stops_is_queued_again_and_finishes_after_the_restart()
    {
        string id;
        await using (var first = await StartAsync(new FrozenTime()))
        {
            using var client = Client(first);
            id = await PlanApi.SubmitAsync(client, new { solver = "heuristic", timeLimitSeconds = 1 });
            await PlanApi.WaitAsync(client, id, s => s == "running");
        }

        await using var second = await StartAsync(TimeProvider.System);
        using var again = Client(second);
        var job = await PlanApi.WaitAsync(again, id, PlanApi.Terminal);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Contains("plan.geojson", job.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public async Task A_job_running_at_a_second_stop_is_failed_with_the_reason()
    {
        string id;
        await using (var first = await StartAsync(new FrozenTime()))
        {
            using var client = Client(first);
            id = await PlanApi.SubmitAsync(client, new { solver = "heuristic" });
            await PlanApi.WaitAsync(client, id, s => s == "running");
        }

        await using (var second = await StartAsync(new FrozenTime()))
        {
            using var client = Client(second);
            await PlanApi.WaitAsync(client, id, s => s == "running");
        }

        await using var third = await StartAsync(TimeProvider.System);
        using var last = Client(third);
        var job = await PlanApi.GetAsync(last, id);

        Assert.Equal("failed", job.GetProperty("status").GetString());
        Assert.StartsWith("server stopped while running", job.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await last.GetAsync($"api/v1/plans/{id}")).StatusCode);
    }

    private Task<QuanetServer> StartAsync(TimeProvider time) => QuanetServer.StartAsync(new ServerOptions
    {
        Listen = new IPEndPoint(IPAddress.Loopback, 0),
        DataDirectory = _directory,
        TimeProvider = time,
    });

    private HttpClient Client(QuanetServer server) => new()
    {
        BaseAddress = server.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Bearer", _secret) },
    };
}
