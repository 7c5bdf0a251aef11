using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Quanet.Server.Api;

/// <summary>
/// Answers a <see cref="JsonSnapshot"/>: 200 with its bytes and entity tag, or 304 without a body when the caller's
/// <c>If-None-Match</c> names that tag (a polling console then re-reads nothing). <c>Cache-Control: private, no-cache</c>
/// lets a browser keep the document but ask again every time.
/// </summary>
internal sealed class SnapshotResult(JsonSnapshot snapshot) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        response.Headers.ETag = snapshot.ETag;
        response.Headers.CacheControl = "private, no-cache";
        if (Matches(httpContext.Request, snapshot.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = snapshot.Utf8!;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private static bool Matches(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        if (header.Count == 0)
        {
            return false;
        }

        if (!EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            // If-None-Match compares weakly (RFC 9110 13.1.2)
            if (tag.Equals(EntityTagHeaderValue.Any) || string.Equals(tag.Tag.Value, etag, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
