using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Quanet.Operations.Ingestion;
using Quanet.Server.Security;

namespace Quanet.Server.Operations;

/// <summary>
/// The VES 7 collector at the standard paths (<c>POST /eventListener/v7</c>, <c>/eventListener/v7/eventBatch</c>):
/// Operate policy, Bearer or HTTP Basic (key name and secret); 202 once the events are committed.
/// </summary>
internal static class VesEndpoints
{
    /// <summary>Largest VES body: a batch of a few thousand events.</summary>
    public const long MaxBodyBytes = 16L * 1024 * 1024;

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapPost("/eventListener/v7", (HttpContext http, OperationsRuntime ops) => IngestAsync(http, ops, batchOnly: false))
            .RequireAuthorization(Policies.Operate).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("vesEvent").WithSummary("VES 7 event listener: one event or a batch").Accepts<object>("application/json");
        app.MapPost("/eventListener/v7/eventBatch", (HttpContext http, OperationsRuntime ops) => IngestAsync(http, ops, batchOnly: true))
            .RequireAuthorization(Policies.Operate).WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes))
            .WithName("vesEventBatch").WithSummary("VES 7 event listener: a batch (eventList)").Accepts<object>("application/json");
    }

    private static async Task<IResult> IngestAsync(HttpContext http, OperationsRuntime ops, bool batchOnly)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        var body = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        List<VesEvent> events;
        try
        {
            events = VesParser.ParseBody(body.Span);
            if (batchOnly && body.Span.IndexOf("\"eventList\""u8) < 0)
            {
                throw new VesValidationException("$", "the eventBatch resource expects 'eventList'");
            }
        }
        catch (VesValidationException ex)
        {
            return VesErrorBody.BadParameter(ex.Message);
        }

        var result = await ops.Engine.IngestAsync(events, http.RequestAborted);
        ops.Engine.TakeOpenedIncidents();
        ops.Metrics.Ingested(result.Accepted);
        return Results.Json(new { accepted = result.Accepted, raised = result.Raised, updated = result.Updated, cleared = result.Cleared }, statusCode: 202);
    }
}
