using System.Net;
using System.Text;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Security;

public sealed class LimitsTests
{
    [Fact]
    public async Task A_json_body_over_the_default_limit_is_refused_with_413_but_the_VES_collector_takes_a_larger_one()
    {
        await using var harness = await ServerHarness.StartAsync(o => o with { MaxRequestBodyBytes = 1024 });
        using var admin = harness.Client(Roles.Admin);
        var big = "{\"name\":\"" + new string('a', 4096) + "\",\"role\":\"viewer\"}";

        var refused = await admin.PostAsync("api/v1/keys", new StringContent(big, Encoding.UTF8, "application/json"));
        // 4 KiB of VES is over the 1 KiB JSON default but within the collector's own limit: it is parsed (and rejected as VES, 400)
        var ves = await admin.PostAsync("eventListener/v7", new StringContent("{\"event\":{\"x\":\"" + new string('b', 4096) + "\"}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, refused.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, ves.StatusCode);
        Assert.Contains("requestError", await ves.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_caller_over_its_rate_gets_429_with_Retry_After_while_another_caller_is_unaffected()
    {
        await using var harness = await ServerHarness.StartAsync(o => o with { RequestsPerMinute = 5 });
        using var viewer = harness.Client(Roles.Viewer);
        using var planner = harness.Client(Roles.Planner);

        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add(await viewer.GetAsync("api/v1/whoami"));
        }

        var other = await planner.GetAsync("api/v1/whoami");

        Assert.Equal(HttpStatusCode.OK, statuses[0].StatusCode);
        var limited = statuses.First(r => r.StatusCode == HttpStatusCode.TooManyRequests);
        Assert.True(limited.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "Retry-After names a wait in seconds");
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
