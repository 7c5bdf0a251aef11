using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Quanet.Server.Security;
using Quanet.Server.Tests.Plans.Support;

namespace Quanet.Server.Tests.Plans;

public sealed class PlanEndpointsTests
{
    [Fact]
    public async Task The_default_plan_runs_to_success_with_every_artifact_and_is_deleted_with_its_files()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);
        using var viewer = harness.Client(Roles.Viewer);

        var id = await PlanApi.SubmitAsync(planner, new { backhaul = new { }, security = true, demandModel = "places" });
        var job = await PlanApi.WaitAsync(viewer, id, PlanApi.Terminal);

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("planner", job.GetProperty("owner").GetString());
        Assert.False(job.GetProperty("interrupted").GetBoolean());
        // the optimum `quanet plan --demand-model places` proves for the default scenario (PlanWorkflowTests: 6,236,631 people)
        Assert.Equal(6_236_631, job.GetProperty("summary").GetProperty("coveredPopulation").GetDouble(), 0);
        Assert.Equal(60, job.GetProperty("summary").GetProperty("sites").GetInt32());
        Assert.Equal(
            ["plan.geojson", "backhaul.geojson", "security.json", "security.geojson", "plan.kml", "plan.gpkg", "plan.png", "report.html"],
            job.GetProperty("artifacts").EnumerateArray().Select(a => a.GetString()));
        var geojson = await viewer.GetAsync($"api/v1/plans/{id}/plan.geojson");
        Assert.Equal("application/geo+json", geojson.Content.Headers.ContentType?.MediaType);
        Assert.Contains("FeatureCollection", await geojson.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("text/html", (await viewer.GetAsync($"api/v1/plans/{id}/report.html")).Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync($"api/v1/plans/{id}/plan.png")).StatusCode);

        var listed = await viewer.GetFromJsonAsync<JsonElement>("api/v1/plans");
        Assert.Contains(listed.GetProperty("plans").EnumerateArray(), p => p.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.DeleteAsync($"api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await planner.DeleteAsync($"api/v1/plans/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await viewer.GetAsync($"api/v1/plans/{id}")).StatusCode);
        Assert.False(Directory.Exists(Path.Combine(harness.Directory, "plans", id)));
    }

    [Fact]
    public async Task Artifact_names_outside_the_fixed_list_are_not_found()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);
        var id = await PlanApi.SubmitAsync(planner, new { solver = "heuristic", timeLimitSeconds = 1 });
        await PlanApi.WaitAsync(planner, id, PlanApi.Terminal);
        File.WriteAllText(Path.Combine(harness.Directory, "secret.txt"), "not for the API");

        foreach (var name in new[] { "..%2F..%2Fsecret.txt", "..%2Fjobs.db", "plan.html", "input", "PLAN.GEOJSON" })
        {
            var response = await planner.GetAsync($"api/v1/plans/{id}/{name}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.DoesNotContain("not for the API", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync("api/v1/plans/..%2F..%2Fserver.db")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await planner.GetAsync($"api/v1/plans/{new string('0', 32)}")).StatusCode);
    }

    [Fact]
    public async Task Every_problem_of_a_submission_is_reported_together_as_problem_json()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);

        var response = await planner.PostAsJsonAsync("api/v1/plans", new { region = "XX", sites = 0, solver = "nope", timeLimitSeconds = 100_000, security = true, demandModel = "census", cellSizeKilometres = 0 });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("region 'XX' is not one of the embedded countries", detail, StringComparison.Ordinal);
        Assert.Contains("unknown solver 'nope'", detail, StringComparison.Ordinal);
        Assert.Contains("timeLimitSeconds must be in (0, 600]", detail, StringComparison.Ordinal);
        Assert.Contains("the number of sites must be at least 1 (got 0)", detail, StringComparison.Ordinal);
        Assert.Contains("the security step needs the backhaul step", detail, StringComparison.Ordinal);
        Assert.Contains("demandModel 'census' is not one of surface, places", detail, StringComparison.Ordinal);
        Assert.Contains("cell size 0 km is outside 0.05-100 km", detail, StringComparison.Ordinal);
        Assert.Empty((await planner.GetFromJsonAsync<JsonElement>("api/v1/plans")).GetProperty("plans").EnumerateArray());
    }

    [Fact]
    public async Task A_band_outside_the_models_range_is_refused_naming_the_range()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);

        var response = await planner.PostAsJsonAsync("api/v1/plans", new { band = 3500, model = "hata-urban" });
        var detail = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("hata-urban is defined for a carrier of 150-2000 MHz", detail, StringComparison.Ordinal);
        Assert.Contains("not 3500 MHz", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_field_or_malformed_body_is_refused_and_a_viewer_may_not_submit()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var planner = harness.Client(Roles.Planner);
        using var viewer = harness.Client(Roles.Viewer);

        var typo = await planner.PostAsJsonAsync("api/v1/plans", new { site = 5 });
        var malformed = await planner.PostAsync("api/v1/plans", new StringContent("{\"sites\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, typo.StatusCode);
        Assert.Contains("'site'", (await typo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsJsonAsync("api/v1/plans", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client().PostAsJsonAsync("api/v1/plans", new { })).StatusCode);
    }

    [Fact]
    public async Task An_uploaded_demand_file_is_planned_and_an_oversized_one_is_refused()
    {
        await using var harness = await ServerHarness.StartAsync(o => o with { Plans = o.Plans with { MaxDemandRows = 5 } });
        using var planner = harness.Client(Roles.Planner);
        const string demand = "lat,lon,population\n48.14,11.58,1000\n48.37,10.90,500\n49.45,11.08,800\n";

        using var good = new MultipartFormDataContent
        {
            { new StringContent("{\"region\":\"DE\",\"sites\":2,\"solver\":\"heuristic\",\"timeLimitSeconds\":1}"), "request" },
            { new StringContent(demand), "demand", "towns.csv" },
        };
        var accepted = await planner.PostAsync("api/v1/plans", good);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var id = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var job = await PlanApi.WaitAsync(planner, id, PlanApi.Terminal);

        using var big = new MultipartFormDataContent
        {
            { new StringContent("{}"), "request" },
            { new StringContent(demand + demand), "demand", "towns.csv" },
            { new StringContent("x"), "candidates", "sites.exe" },
        };
        var refused = await planner.PostAsync("api/v1/plans", big);
        var detail = (await refused.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

        Assert.Equal("succeeded", job.GetProperty("status").GetString());
        Assert.Equal("demand.csv", job.GetProperty("request").GetProperty("demandFile").GetString());
        Assert.Equal(2300, job.GetProperty("summary").GetProperty("population").GetDouble());
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("demand has 8 rows; this server takes at most 5", detail, StringComparison.Ordinal);
        Assert.Contains("candidates must be a .csv or .geojson file (got 'sites.exe')", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_solver_catalogue_lists_the_placement_solvers()
    {
        await using var harness = await ServerHarness.StartAsync();
        using var viewer = harness.Client(Roles.Viewer);

        var body = await viewer.GetFromJsonAsync<JsonElement>("api/v1/solvers");

        var placement = body.GetProperty("solvers").EnumerateArray().Where(s => s.GetProperty("family").GetString() == "placement").Select(s => s.GetProperty("name").GetString()).ToList();
        Assert.Contains("cpsat", placement);
        Assert.Contains("heuristic", placement);
        // OR-Tools' native library loads on this machine (a machine without it: MissingNativeSolverTests in the CLI tests)
        var cpsat = body.GetProperty("solvers").EnumerateArray().First(s => s.GetProperty("name").GetString() == "cpsat");
        Assert.True(cpsat.GetProperty("available").GetBoolean());
        Assert.Equal(JsonValueKind.Null, cpsat.GetProperty("reason").ValueKind);
    }
}
