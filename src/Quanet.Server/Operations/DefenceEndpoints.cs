using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Quanet.Defence.Response;
using Quanet.Defence.Telemetry;
using Quanet.Server.Api;
using Quanet.Server.Security;

namespace Quanet.Server.Operations;

/// <summary>
/// Interconnect defence under <c>/api/v1/defence</c>: telemetry in (lines of AAA, flow, BGP, signalling or Suricata
/// EVE records), security incidents with their detections and actions, isolations awaiting approval, approve/reject.
/// </summary>
internal static class DefenceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/defence/telemetry/{kind}", async (string kind, HttpRequest request, OperationsRuntime ops) =>
        {
            if (!Enum.TryParse<TelemetryKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest($"telemetry kind '{Quanet.Core.Text.Printable.Escape(kind)}' is not one of aaa, flow, bgp, signalling, suricata");
            }

            // the parser reads synchronously, which Kestrel's request stream does not allow: buffer first (the size limit holds)
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body, request.HttpContext.RequestAborted);
            body.Position = 0;
            var (events, detections, rejected) = ops.Defence.Ingest(parsed, body);
            return Results.Json(new { events, detections, rejected }, statusCode: 202);
        }).RequireAuthorization(Policies.Operate).WithMetadata(new RequestSizeLimitAttribute(VesEndpoints.MaxBodyBytes))
            .WithName("postDefenceTelemetry").WithSummary("Feeds telemetry lines of one kind to the live defence engine");
        api.MapGet("/defence/incidents", (OperationsRuntime ops) =>
            new SnapshotResult(ops.Reads.Get("defence/incidents", ops.Defence.Version, () =>
                ops.Defence.Read((incidents, audit) => OperationsJson.Utf8(new { incidents = incidents.Select(i => View(i, audit, ops.Defence)).ToList() })))))
            .RequireAuthorization(Policies.Read).WithName("listDefenceIncidents").WithSummary("Security incidents with detections, actors, confidence, response and actions");
        api.MapGet("/defence/isolations", (string? state, OperationsRuntime ops) =>
        {
            if (state is not (null or "pending" or "approved" or "rejected"))
            {
                return Problems.BadRequest("state must be pending, approved or rejected");
            }

            return new SnapshotResult(ops.Reads.Get("defence/isolations?state=" + state, ops.Defence.Version, () => ops.Defence.Read((incidents, audit) => OperationsJson.Utf8(new
            {
                isolations = incidents.Where(i => i.Interconnect is not null && ops.Defence.IsolationState(i) is var s && s != "none" && (state is null || s == state))
                    .Select(i => View(i, audit, ops.Defence)).ToList(),
            }))));
        }).RequireAuthorization(Policies.Read).WithName("listIsolations").WithSummary("Isolations by state (pending: awaiting an operator)");
        api.MapPost("/defence/isolations/{id}/approve", (string id, OperationsRuntime ops) => Decide(id, true, ops))
            .RequireAuthorization(Policies.Operate).WithName("approveIsolation").WithSummary("Approves a pending isolation: the interconnect is isolated now");
        api.MapPost("/defence/isolations/{id}/reject", (string id, OperationsRuntime ops) => Decide(id, false, ops))
            .RequireAuthorization(Policies.Operate).WithName("rejectIsolation").WithSummary("Rejects a pending isolation: the actors stay filtered, the interconnect stays up");
    }

    private static IResult Decide(string id, bool approve, OperationsRuntime ops)
    {
        var problem = ops.Defence.Decide(id, approve, ops.Now);
        return problem switch
        {
            null => Results.Json(new { id, state = approve ? "approved" : "rejected" }),
            _ when problem.StartsWith("404:", StringComparison.Ordinal) => Problems.NotFound(problem[4..]),
            _ => Problems.Conflict(problem[4..]),
        };
    }

    private static object View(SecurityIncident i, IReadOnlyList<AuditEntry> audit, DefenceDesk desk) => new
    {
        i.Id,
        i.Interconnect,
        i.FirstSeen,
        i.LastSeen,
        severity = i.Severity.ToString(),
        i.Confidence,
        response = i.Response.ToString(),
        isolation = desk.IsolationState(i),
        i.ContainedAt,
        actors = i.Actors.Order(StringComparer.Ordinal).ToList(),
        sources = i.Sources.Select(s => s.ToString()).ToList(),
        detections = i.Detections.Select(d => new { d.RuleId, severity = d.Severity.ToString(), d.Confidence, d.Actor, d.Timestamp, d.Explanation }).ToList(),
        actions = audit.Where(a => a.Incident == i.Id).ToList(),
    };
}
