using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quanet.Core.Units;
using Quanet.Security.Planning;
using Quanet.Security.Qkd;
using Quanet.Server.Security;
using Quanet.Server.Tests.Plans.Support;

namespace Quanet.Server.Tests.Plans;

public sealed class SecureEndpointsTests
{
    [Fact]
    public async Task Qkd_rate_sweep_and_trusted_nodes_answer_what_the_security_library_computes()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);

        var rate = await Post(viewer, "api/v1/secure/qkd/rate", new { distanceKm = 50 });
        var sweep = await Post(viewer, "api/v1/secure/qkd/sweep", new { fromKm = 0, toKm = 100, stepKm = 50, protocol = "vacuum-weak" });
        var nodes = await Post(viewer, "api/v1/secure/trusted-nodes", new { distanceKm = 250, requiredRateBps = 1000 });

        var expected = DecoyBb84Model.OptimalRate(QkdLinkParameters.Gys, QkdProtocol.Decoy, new Kilometres(50));
        Assert.Equal(expected.RateBitsPerSecond, rate.GetProperty("rateBps").GetDouble(), 6);
        var points = sweep.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("rateBps").GetDouble()).ToList();
        Assert.Equal(3, points.Count);
        Assert.True(points[0] > points[1] && points[1] > points[2]);
        var decision = new LinkSecurityPlanner(QkdLinkParameters.Gys).Decide(new Kilometres(250), 1000);
        Assert.Equal(decision.Mode.ToString(), nodes.GetProperty("mode").GetString());
        Assert.Equal(decision.TrustedNodes, nodes.GetProperty("trustedNodes").GetInt32());
        Assert.Equal(decision.Reason, nodes.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Bad_link_requests_report_every_problem()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);

        var response = await viewer.PostAsJsonAsync("api/v1/secure/qkd/rate", new { distanceKm = -1, protocol = "bb85" });
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("protocol 'bb85' is not one of decoy, vacuum-weak, gllp; distanceKm is required and must be >= 0", detail);
    }

    [Fact]
    public async Task A_plan_with_backhaul_has_one_security_decision_per_link_and_one_without_has_none()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);
        var withBackhaul = await PlanApi.SubmitAsync(planner, new { solver = "heuristic", timeLimitSeconds = 1, backhaul = new { } });
        var without = await PlanApi.SubmitAsync(planner, new { solver = "heuristic", timeLimitSeconds = 1 });
        var job = await PlanApi.WaitAsync(planner, withBackhaul, PlanApi.Terminal);
        await PlanApi.WaitAsync(planner, without, PlanApi.Terminal);

        var security = await planner.GetFromJsonAsync<JsonElement>($"api/v1/plans/{withBackhaul}/security?requiredRateBps=1000");
        var none = await planner.GetAsync($"api/v1/plans/{without}/security");

        Assert.Equal(job.GetProperty("summary").GetProperty("backhaulLinks").GetInt32(), security.GetProperty("links").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, none.StatusCode);
        Assert.Contains("has no backhaul", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> Post(HttpClient client, string path, object body)
    {
        var response = await client.PostAsJsonAsync(path, body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
