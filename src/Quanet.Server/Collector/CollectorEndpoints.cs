using System.Buffers;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Cluster.Ingestion;
using Quanet.Operations.Ingestion;
using Quanet.Server.Operations;
using Quanet.Server.Security;

namespace Quanet.Server.Collector;

/// <summary>
/// The collector's VES 7 paths (<c>POST /eventListener/v7</c>, <c>/eventListener/v7/eventBatch</c>), Operate policy:
/// 202 only after the ingestion log acknowledged every event of the request, 400 with the VES error body for a bad
/// body, 503 with <c>Retry-After</c> when the log did not acknowledge in time (the sender retries; the log's duplicate
/// window stores a retried event once).
/// </summary>
internal static class CollectorEndpoints
{
    public static void Map(IEndpointRouteBuilder app, ClusterIngest ingest, int retryAfterSeconds)
    {
        app.MapPost("/eventListener/v7", (Delegate)((HttpContext http) => IngestAsync(http, ingest, false, retryAfterSeconds)))
            .RequireAuthorization(Policies.Operate).WithName("vesEvent");
        app.MapPost("/eventListener/v7/eventBatch", (Delegate)((HttpContext http) => IngestAsync(http, ingest, true, retryAfterSeconds)))
            .RequireAuthorization(Policies.Operate).WithName("vesEventBatch");
    }

    private static async Task<IResult> IngestAsync(HttpContext http, ClusterIngest ingest, bool batchOnly, int retryAfterSeconds)
    {
        // a pooled buffer sized by Content-Length: a batch body is often hundreds of kilobytes, and a new array per
        // request (growing, on the large-object heap) costs more than the rest of the request's work
        var (buffer, length) = await ReadBodyAsync(http.Request, http.RequestAborted);
        try
        {
            var receipt = await ingest.IngestAsync(buffer.AsMemory(0, length), batchOnly, http.RequestAborted);
            return Results.Json(new { accepted = receipt.Stored + receipt.Duplicates, duplicates = receipt.Duplicates }, statusCode: 202);
        }
        catch (VesValidationException ex)
        {
            return VesErrorBody.BadParameter(ex.Message);
        }
        catch (EventLogUnavailableException ex)
        {
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Results.Problem(title: "the ingestion log is unavailable", detail: ex.Message, statusCode: 503);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The body in a pooled array (Kestrel's request size limit bounds it); return the array when done.</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength is { } n and > 0 ? (int)Math.Min(n, VesParser.MaxBodyBytes) : 0;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Max(declared + 1, 16 * 1024));
        var length = 0;
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(buffer.AsMemory(length), cancellationToken)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }
}
