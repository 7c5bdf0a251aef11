using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Core;
using Quanet.Server.Api;
using Quanet.Server.Security;

namespace Quanet.Server.Operations;

/// <summary>
/// Network incidents under <c>/api/v1/incidents</c>: each with its root cause, evidence alarms and the decided
/// (recommended) runbook; approving runs that runbook, rolling back restores the configuration from before it.
/// </summary>
internal static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/incidents", (string? state, OperationsRuntime ops) =>
        {
            if (state is not (null or "open" or "all"))
            {
                return Problems.BadRequest("state must be open or all");
            }

            var open = state == "open";
            var correlator = ops.Engine.Correlator;
            return new SnapshotResult(ops.Reads.Get(open ? "incidents?state=open" : "incidents", correlator.Version, () =>
                correlator.Read(c => OperationsJson.Utf8(new { incidents = c.Incidents.Where(i => !open || i.IsOpen).ToList() }))));
        }).RequireAuthorization(Policies.Read).WithName("listIncidents").WithSummary("Incidents (state=open for the open ones) with root cause, evidence and decision");
        api.MapGet("/incidents/{id:long}", (long id, OperationsRuntime ops) =>
        {
            var correlator = ops.Engine.Correlator;
            var snapshot = ops.Reads.Get(string.Create(CultureInfo.InvariantCulture, $"incidents/{id}"), correlator.Version, () =>
                correlator.Read(c => c.Find(id) is { } i ? OperationsJson.Utf8(i) : null));
            return snapshot.Utf8 is null ? Problems.NotFound($"incident {id} not found") : new SnapshotResult(snapshot);
        }).RequireAuthorization(Policies.Read).WithName("getIncident").WithSummary("One incident: root cause, evidence alarms, recommended runbook");
        api.MapPost("/incidents/{id:long}/runbook/approve", async (long id, OperationsRuntime ops, CancellationToken ct) =>
        {
            if (ops.Engine.Correlator.Find(id) is not { } incident)
            {
                return Problems.NotFound($"incident {id} not found");
            }

            try
            {
                var run = await ops.Runbooks.ApproveAsync(incident, ops.NowMicros(), ct);
                return OperationsJson.Text(OperationsJson.Serialize(run), 201);
            }
            catch (QuanetException ex)
            {
                return Problems.Conflict(ex.Message);
            }
        }).RequireAuthorization(Policies.Operate).WithName("approveRunbook").WithSummary("Approves the incident's runbook and runs it now");
        api.MapPost("/incidents/{id:long}/runbook/rollback", async (long id, OperationsRuntime ops, CancellationToken ct) =>
        {
            if (ops.Engine.Correlator.Find(id) is not { } incident)
            {
                return Problems.NotFound($"incident {id} not found");
            }

            try
            {
                return Results.Json(await ops.Runbooks.RollbackAsync(incident, ct));
            }
            catch (QuanetException ex)
            {
                return Problems.Conflict(ex.Message);
            }
        }).RequireAuthorization(Policies.Operate).WithName("rollbackRunbook").WithSummary("Restores the configuration from before the approved runbook's change");
        api.MapGet("/runbook-runs", (OperationsRuntime ops) =>
            OperationsJson.Text(OperationsJson.Serialize(new { runs = ops.Engine.Store.ListRunbookRunDocuments().Select(d => OperationsJson.CamelCase(JsonNode.Parse(d))).ToList() })))
            .RequireAuthorization(Policies.Read).WithName("listRunbookRuns").WithSummary("Every runbook run with its audit trail");
    }
}
