using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Operations.Api;
using Quanet.Operations.Ingestion;
using Quanet.Server.Api;
using Quanet.Server.Security;

namespace Quanet.Server.Operations;

/// <summary>
/// Alarms under <c>/api/v1/alarms</c> (3GPP fault supervision attribute names): list with the filters of
/// <c>state</c>, <c>ackState</c>, <c>objectInstance</c>, <c>probableCause</c>, <c>severity</c>, <c>limit</c>; get;
/// acknowledge and clear as the calling key.
/// </summary>
internal static class AlarmEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alarms", (HttpRequest request, OperationsRuntime ops) => List(request, ops))
            .RequireAuthorization(Policies.Read).WithName("listAlarms").WithSummary("Alarms, filtered (state, ackState, objectInstance, probableCause, severity, limit)");
        api.MapGet("/alarms/{id:long}", (long id, OperationsRuntime ops) =>
            ops.Engine.Store.FindAlarm(id) is { } alarm ? Results.Json(AlarmDocument.From(alarm)) : Problems.NotFound($"alarm {id} not found"))
            .RequireAuthorization(Policies.Read).WithName("getAlarm").WithSummary("One alarm");
        api.MapPost("/alarms/{id:long}/acknowledge", async (long id, HttpContext http, OperationsRuntime ops) =>
            await ops.Engine.Pipeline.AcknowledgeAsync(id, http.User.Identity!.Name!, http.RequestAborted) is { } alarm
                ? Results.Json(AlarmDocument.From(alarm)) : Problems.NotFound($"alarm {id} not found"))
            .RequireAuthorization(Policies.Operate).WithName("acknowledgeAlarm").WithSummary("Acknowledges an alarm as the caller");
        api.MapPost("/alarms/{id:long}/clear", async (long id, HttpContext http, OperationsRuntime ops) =>
            await ops.Engine.Pipeline.ClearAsync(id, http.User.Identity!.Name!, http.RequestAborted) is { } alarm
                ? Results.Json(AlarmDocument.From(alarm)) : Problems.NotFound($"alarm {id} not found"))
            .RequireAuthorization(Policies.Operate).WithName("clearAlarm").WithSummary("Clears an alarm manually as the caller");
    }

    private static IResult List(HttpRequest request, OperationsRuntime ops)
    {
        var q = request.Query;
        VesSeverity? severity = null;
        if (q["severity"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<VesSeverity>(s, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return Problems.BadRequest($"severity '{Quanet.Core.Text.Printable.Escape(s)}' is not one of CRITICAL, MAJOR, MINOR, WARNING");
            }

            severity = parsed;
        }

        var limit = 1000;
        if (q["limit"].ToString() is { Length: > 0 } l && (!int.TryParse(l, NumberStyles.Integer, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > 10000))
        {
            return Problems.BadRequest("limit must be an integer in 1..10000");
        }

        var query = new AlarmQuery
        {
            Active = q["state"].ToString() switch { "cleared" => false, "all" => null, _ => true },
            Acknowledged = q["ackState"].ToString() switch { "ACKNOWLEDGED" => true, "UNACKNOWLEDGED" => false, _ => null },
            Source = q["objectInstance"].ToString() is { Length: > 0 } src ? src : null,
            Condition = q["probableCause"].ToString() is { Length: > 0 } pc ? pc : null,
            MinSeverity = severity,
            Limit = limit,
        };
        var alarms = ops.Engine.Store.ListAlarms(query).Select(AlarmDocument.From).ToList();
        return Results.Json(new { count = alarms.Count, alarms });
    }
}
