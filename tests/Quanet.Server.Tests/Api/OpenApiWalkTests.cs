using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Quanet.Server.Security;

namespace Quanet.Server.Tests.Api;

/// <summary>
/// THE walk: every operation in the OpenAPI document (whichever area mapped it) refuses an anonymous caller with 401
/// and every role below its recorded policy with 403; no mutating operation is reachable anonymously.
/// </summary>
public sealed partial class OpenApiWalkTests
{
    private static readonly Dictionary<string, string> LeastRole = new(StringComparer.Ordinal)
    {
        [Policies.Read] = Roles.Viewer,
        [Policies.Plan] = Roles.Planner,
        [Policies.Operate] = Roles.Operator,
        [Policies.Admin] = Roles.Admin,
        ["authenticated"] = Roles.Viewer,
    };

    // one operation of every area, so the walk is known to reach each of them (the areas were built separately)
    private static readonly (string Method, string Path, string Policy)[] Expected =
    [
        ("POST", "/api/v1/plans", Policies.Plan),
        ("GET", "/api/v1/plans/{id}/events", Policies.Read),
        ("POST", "/api/v1/plans/{id}/cancel", Policies.Plan),
        ("DELETE", "/api/v1/plans/{id}", Policies.Plan),
        ("GET", "/api/v1/plans/{id}/{artifact}", Policies.Read),
        ("GET", "/api/v1/solvers", Policies.Read),
        ("GET", "/api/v1/plans/{id}/security", Policies.Read),
        ("POST", "/api/v1/secure/qkd/rate", Policies.Read),
        ("POST", "/api/v1/secure/qkd/sweep", Policies.Read),
        ("POST", "/api/v1/secure/trusted-nodes", Policies.Read),
        ("GET", "/api/v1/kmes", Policies.Read),
        ("GET", "/api/v1/basemap/countries", Policies.Read),
        ("POST", "/eventListener/v7", Policies.Operate),
        ("POST", "/api/v1/incidents/{id}/runbook/approve", Policies.Operate),
        ("POST", "/api/v1/defence/isolations/{id}/approve", Policies.Operate),
        ("GET", "/api/v1/audit", Policies.Admin),
    ];

    [Fact]
    public async Task The_document_lists_the_operations_of_every_area_with_their_policy()
    {
        await using var harness = await ServerHarness.StartAsync();
        var operations = await Operations(harness);

        var missing = Expected.Where(e => !operations.Contains(e)).Select(e => $"{e.Method} {e.Path} ({e.Policy})").ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public async Task Every_operation_refuses_anonymous_callers_and_every_role_below_its_policy()
    {
        await using var harness = await ServerHarness.StartAsync();
        var operations = await Operations(harness);
        var clients = Roles.Ordered.ToDictionary(r => r, harness.Client);
        using var anonymous = harness.Client();
        var failures = new List<string>();

        foreach (var (method, path, policy) in operations)
        {
            var url = PathParameter().Replace(path.TrimStart('/'), "1");
            if (policy == "anonymous" || !LeastRole.TryGetValue(policy, out var least))
            {
                failures.Add($"{method} {path}: policy '{policy}' is not one of read, plan, operate, admin");
                continue;
            }

            var status = await Send(anonymous, method, url);
            if (status != HttpStatusCode.Unauthorized)
            {
                failures.Add($"{method} {path} anonymous: {(int)status}, expected 401");
            }

            foreach (var role in Roles.Ordered.TakeWhile(r => r != least))
            {
                status = await Send(clients[role], method, url);
                if (status != HttpStatusCode.Forbidden)
                {
                    failures.Add($"{method} {path} as {role} (policy {policy}): {(int)status}, expected 403");
                }
            }
        }

        foreach (var client in clients.Values)
        {
            client.Dispose();
        }

        Assert.True(operations.Count >= 20, $"the document lists only {operations.Count} operations");
        Assert.Empty(failures);
    }

    [Fact]
    public async Task Every_operation_has_a_name_a_summary_and_a_recorded_policy_and_none_that_mutates_is_anonymous()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);
        var document = JsonNode.Parse(await viewer.GetStringAsync("openapi/v1.json"))!;
        var problems = new List<string>();

        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                if (operation!["operationId"] is null || operation["summary"] is null)
                {
                    problems.Add($"{method} {path}: missing operationId or summary");
                }

                var policy = operation["x-quanet-policy"]?.GetValue<string>();
                if (policy is null || (policy == "anonymous" && method != "get"))
                {
                    problems.Add($"{method} {path}: policy {policy ?? "missing"}");
                }
            }
        }

        Assert.StartsWith("3.1", document["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task The_document_itself_needs_a_caller()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var anonymous = harness.Client();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("openapi/v1.json")).StatusCode);
    }

    private static async Task<List<(string Method, string Path, string Policy)>> Operations(ServerHarness harness)
    {
        using var viewer = harness.Client(Roles.Viewer);
        var document = JsonNode.Parse(await viewer.GetStringAsync("openapi/v1.json"))!;
        var list = new List<(string, string, string)>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                list.Add((method.ToUpperInvariant(), path, operation!["x-quanet-policy"]?.GetValue<string>() ?? "missing"));
            }
        }

        return list;
    }

    private static async Task<HttpStatusCode> Send(HttpClient client, string method, string url)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method is "POST" or "PUT" or "PATCH")
        {
            request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return response.StatusCode;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex PathParameter();
}
