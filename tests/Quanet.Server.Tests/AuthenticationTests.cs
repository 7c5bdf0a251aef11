using System.Net;
using Quanet.Server.Security;

namespace Quanet.Server.Tests;

public sealed class AuthenticationTests
{
    [Fact]
    public async Task Healthz_answers_without_credentials()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var client = harness.Client();
        var response = await client.GetAsync("healthz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_refuses_a_missing_or_unknown_key_and_names_the_caller_of_a_known_one()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var anonymous = harness.Client();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("api/v1/whoami")).StatusCode);

        using var forged = harness.Client();
        forged.DefaultRequestHeaders.Authorization = new("Bearer", "qnk_" + new string('A', 43));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("api/v1/whoami")).StatusCode);

        using var planner = harness.Client(Roles.Planner);
        var body = await planner.GetStringAsync("api/v1/whoami");
        Assert.Contains("\"name\":\"planner\"", body, StringComparison.Ordinal);
        Assert.Contains("\"viewer\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\"operator\"", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Key_list_is_for_admins_only_and_never_shows_a_secret()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);
        Assert.Equal(HttpStatusCode.Forbidden, (await operatorClient.GetAsync("api/v1/keys")).StatusCode);

        using var admin = harness.Client(Roles.Admin);
        var body = await admin.GetStringAsync("api/v1/keys");
        Assert.Contains("\"role\":\"operator\"", body, StringComparison.Ordinal);
        foreach (var role in Roles.Ordered)
        {
            Assert.DoesNotContain(harness.Secret(role), body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Plain_http_on_a_public_address_is_refused()
    {
        var ex = await Assert.ThrowsAsync<Quanet.Core.QuanetException>(() => ServerHarness.StartAsync(o => o with { Listen = new IPEndPoint(IPAddress.Any, 0) }));
        Assert.Contains("loopback", ex.Message, StringComparison.Ordinal);
    }
}
