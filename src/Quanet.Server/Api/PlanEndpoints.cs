using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Server.Plans;
using Quanet.Server.Security;
using Quanet.Workflows.Solvers;

namespace Quanet.Server.Api;

/// <summary>
/// Plans under <c>/api/v1</c>: submit a job, list, status, live events, cancel (keeping the best plan so far),
/// delete, the result files, and the solver catalogue. Jobs run in <see cref="PlanJobRunner"/>.
/// </summary>
internal static partial class PlanEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/plans", Submit).RequireAuthorization(Policies.Plan).WithName("SubmitPlan").WithSummary("Submit a plan job (JSON, or multipart with demand/candidates files)");
        api.MapGet("/plans", List).RequireAuthorization(Policies.Read).WithName("ListPlans").WithSummary("List plan jobs, newest first");
        api.MapGet("/plans/{id}", Get).RequireAuthorization(Policies.Read).WithName("GetPlan").WithSummary("A plan job's status, progress and result summary");
        api.MapGet("/plans/{id}/events", Events).RequireAuthorization(Policies.Read).WithName("PlanEvents").WithSummary("Live progress and status as Server-Sent Events");
        api.MapPost("/plans/{id}/cancel", Cancel).RequireAuthorization(Policies.Plan).WithName("CancelPlan").WithSummary("Cancel a plan job, keeping the best plan so far");
        api.MapDelete("/plans/{id}", Delete).RequireAuthorization(Policies.Plan).WithName("DeletePlan").WithSummary("Delete a plan job and its files");
        api.MapGet("/plans/{id}/{artifact}", Artifact).RequireAuthorization(Policies.Read).WithName("GetPlanArtifact").WithSummary("A result file of a plan job");
        api.MapGet("/solvers", Solvers).RequireAuthorization(Policies.Read).WithName("ListSolvers").WithSummary("The solver catalogue");
    }

    /// <summary>Job ids are 32 lower-case hex digits; anything else is not a job (and never reaches a path).</summary>
    internal static bool IsId(string id) => id.Length == 32 && id.All(char.IsAsciiHexDigitLower);

    internal static IResult NotFound(string what) => Results.Problem(title: "Not Found", detail: what, statusCode: StatusCodes.Status404NotFound);

    internal static IResult BadRequest(string detail) => Results.Problem(title: "Bad Request", detail: detail, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> List(IPlanJobStore store, PlanJobRunner runner, PlanReads reads, CancellationToken ct) =>
        new SnapshotResult(await reads.GetAsync("plans", async c => reads.Utf8(new { plans = (await store.ListAsync(c)).Select(runner.View).ToArray() }), ct));

    private static async Task<IResult> Get(string id, IPlanJobStore store, PlanJobRunner runner, PlanReads reads, CancellationToken ct)
    {
        if (!IsId(id))
        {
            return NotFound($"no plan job '{id}'");
        }

        var snapshot = await reads.GetAsync("plans/" + id, async c => await store.GetAsync(id, c) is { } job ? reads.Utf8(runner.View(job)) : null, ct);
        return snapshot.Utf8 is null ? NotFound($"no plan job '{id}'") : new SnapshotResult(snapshot);
    }

    private static async Task<IResult> Cancel(string id, PlanJobRunner runner, CancellationToken ct) =>
        IsId(id) && await runner.CancelAsync(id, ct) ? Results.Accepted() : NotFound($"no plan job '{id}'");

    private static async Task<IResult> Delete(string id, PlanJobRunner runner, CancellationToken ct) =>
        IsId(id) && await runner.DeleteAsync(id, ct) ? Results.NoContent() : NotFound($"no plan job '{id}'");

    private static async Task<IResult> Artifact(string id, string artifact, IPlanJobStore store, PlanJobRunner runner, CancellationToken ct)
    {
        if (!IsId(id) || await store.GetAsync(id, ct) is not { } job)
        {
            return NotFound($"no plan job '{id}'");
        }

        if (PlanArtifactNames.FileName(artifact) is not { } file)
        {
            return NotFound($"'{artifact}' is not a plan artifact (known: {string.Join(", ", PlanArtifactNames.All)})");
        }

        var path = Path.Combine(runner.JobDirectory(id), file);
        return PlanJobStatus.IsTerminal(job.Status) && File.Exists(path)
            ? Results.File(path, PlanArtifactNames.ContentType(artifact), artifact)
            : NotFound($"plan job '{id}' has no {artifact} (status {job.Status})");
    }

    // the catalogue is fixed for the life of the process: serialised once, with the server's HTTP JSON options
    private static readonly Lazy<JsonSnapshot> SolverDocument = new(() => JsonSnapshot.Create(0, JsonSerializer.SerializeToUtf8Bytes(new
    {
        solvers = SolverCatalogue.Families.SelectMany(f => f.List().Select(s => new
        {
            family = f.Problem,
            name = s.Name,
            description = s.Description,
            available = s.NotAvailable is null,
            reason = s.NotAvailable,
            isDefault = s.Name == f.DefaultName,
            maxVariables = s.MaxVariables,
        })).ToArray(),
    }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } })));

    private static SnapshotResult Solvers() => new(SolverDocument.Value);
}
