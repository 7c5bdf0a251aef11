using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Security;

public sealed class KeysAndAuditTests
{
    [Fact]
    public async Task Admin_creates_a_key_whose_secret_is_shown_once_and_works_until_it_is_removed()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var admin = harness.Client(Roles.Admin);

        var created = await admin.PostAsJsonAsync("api/v1/keys", new { name = "ci", role = "planner" });
        var secret = (await created.Content.ReadFromJsonAsync<JsonObject>())!["secret"]!.GetValue<string>();
        using var ci = harness.Client();
        ci.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        var whoami = await ci.GetStringAsync("api/v1/whoami");
        var list = await admin.GetStringAsync("api/v1/keys");
        var again = await admin.PostAsJsonAsync("api/v1/keys", new { name = "ci", role = "viewer" });
        var badRole = await admin.PostAsJsonAsync("api/v1/keys", new { name = "x", role = "root" });
        var removed = await admin.DeleteAsync("api/v1/keys/ci");
        var after = await ci.GetAsync("api/v1/whoami");
        var missing = await admin.DeleteAsync("api/v1/keys/ci");

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.StartsWith("qnk_", secret, StringComparison.Ordinal);
        Assert.Contains("\"planner\"", whoami, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"ci\"", list, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badRole.StatusCode);
        Assert.Contains("role 'root' is not one of viewer, planner, operator, admin", await badRole.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Key_management_is_refused_to_an_operator()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var operatorClient = harness.Client(Roles.Operator);

        var post = await operatorClient.PostAsJsonAsync("api/v1/keys", new { name = "sneaky", role = "admin" });
        var delete = await operatorClient.DeleteAsync("api/v1/keys/admin");

        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
    }

    [Fact]
    public async Task Every_mutating_call_is_audited_with_caller_method_path_and_status_and_reads_are_not()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var admin = harness.Client(Roles.Admin);
        using var viewer = harness.Client(Roles.Viewer);
        using var anonymous = harness.Client();

        await admin.PostAsJsonAsync("api/v1/keys", new { name = "temp", role = "viewer" });
        await viewer.DeleteAsync("api/v1/keys/temp");
        await anonymous.PostAsync("api/v1/alarms/1/acknowledge", null);
        await viewer.GetAsync("api/v1/whoami");
        var page = await admin.GetFromJsonAsync<JsonObject>("api/v1/audit?limit=2&offset=0");
        var rest = await admin.GetFromJsonAsync<JsonObject>("api/v1/audit?limit=10&offset=2");
        var viewerAudit = await viewer.GetAsync("api/v1/audit");
        var badLimit = await admin.GetAsync("api/v1/audit?limit=0");

        Assert.Equal(3, page!["total"]!.GetValue<long>());
        var newest = page["records"]!.AsArray();
        Assert.Equal(2, newest.Count);
        Assert.Equal(("anonymous", "POST", "/api/v1/alarms/1/acknowledge", 401), Row(newest[0]!));
        Assert.Equal(("viewer", "DELETE", "/api/v1/keys/temp", 403), Row(newest[1]!));
        Assert.Equal(("admin", "POST", "/api/v1/keys", 201), Row(rest!["records"]!.AsArray().Single()!));
        Assert.Equal(HttpStatusCode.Forbidden, viewerAudit.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badLimit.StatusCode);
    }

    private static (string, string, string, int) Row(JsonNode r) =>
        (r["caller"]!.GetValue<string>(), r["method"]!.GetValue<string>(), r["path"]!.GetValue<string>(), r["status"]!.GetValue<int>());
}
