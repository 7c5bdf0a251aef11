using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
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
    // the answer as Results.Json wrote it: the API's web defaults with enums as names (QuanetServer's HTTP JSON options)
    private static readonly JsonSerializerOptions AlarmJson = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/alarms", (HttpRequest request, OperationsRuntime ops) => List(request, ops))
            .RequireAuthorization(Policies.Read).WithName("listAlarms").WithSummary("Alarms, filtered (state, ackState, objectInstance, probableCause, severity, limit)");
        api.MapGet("/alarms/{id:long}", (long id, OperationsRuntime ops) =>
            (ops.Alarms.Find(id) ?? ops.Engine.Store.FindAlarm(id)) is { } alarm ? Results.Json(AlarmDocument.From(alarm)) : Problems.NotFound($"alarm {id} not found"))
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
        var key = string.Create(CultureInfo.InvariantCulture,
            $"alarms?state={query.Active}&ack={query.Acknowledged}&severity={query.MinSeverity}&limit={query.Limit}&source={query.Source?.Length}:{query.Source}&cause={query.Condition}");
        return new SnapshotResult(ops.Reads.Get(key, ops.Alarms.Version, () => Document(query, ops)));
    }

    /// <summary>
    /// The active alarms come from memory (current the moment a commit is); cleared ones from the store, whose rows of
    /// alarms still active are replaced by their state in memory (a repeat reaches the store up to a second later).
    /// </summary>
    private static byte[] Document(AlarmQuery query, OperationsRuntime ops)
    {
        var records = query.Active == true ? ops.Alarms.List(query) : ops.Alarms.Refresh(ops.Engine.Store.ListAlarms(query));
        var alarms = records.ConvertAll(AlarmDocument.From);
        return JsonSerializer.SerializeToUtf8Bytes(new { count = alarms.Count, alarms }, AlarmJson);
    }
}
