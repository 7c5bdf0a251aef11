using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Plans;

public sealed class PlanCapacitySubmissionTests
{
    [Fact]
    public async Task Bad_capacity_settings_are_reported_together()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);

        var response = await planner.PostAsJsonAsync("api/v1/plans", new { capacity = new { objective = "best", sectors = 0, bandwidthMhz = 0, removalCost = -1 } });
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("capacity.objective 'best' is not one of coverage, sinr, traffic", detail, StringComparison.Ordinal);
        Assert.Contains("sectors must be 1-12 (got 0)", detail, StringComparison.Ordinal);
        Assert.Contains("bandwidth 0 MHz is outside 0.18-400 MHz", detail, StringComparison.Ordinal);
        Assert.Contains("the removal cost must be finite and non-negative (got -1)", detail, StringComparison.Ordinal);
    }
}
