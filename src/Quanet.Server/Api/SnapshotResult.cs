using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Quanet.Server.Api;

/// <summary>
/// Answers a <see cref="JsonSnapshot"/>: 200 with its bytes (gzipped when the caller accepts gzip and the document
/// is large) and entity tag, or 304 without a body when the caller's <c>If-None-Match</c> names that tag (a polling
/// console then re-reads nothing). <c>Cache-Control: private, no-cache</c> lets a browser keep the document but ask
/// again every time.
/// </summary>
internal sealed class SnapshotResult(JsonSnapshot snapshot) : IResult
{
    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var request = httpContext.Request;
        var response = httpContext.Response;
        response.Headers.ETag = snapshot.ETag;
        response.Headers.CacheControl = "private, no-cache";
        response.Headers.Vary = "Accept-Encoding";
        if (Matches(request.Headers.IfNoneMatch, snapshot.Tag!))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }

        var body = snapshot.Utf8!;
        if (AcceptsGzip(request.Headers.AcceptEncoding) && snapshot.Gzip is { } gzip)
        {
            response.Headers.ContentEncoding = "gzip";
            body = gzip;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = body.Length;
        return response.Body.WriteAsync(body, httpContext.RequestAborted).AsTask();
    }

    private static bool Matches(Microsoft.Extensions.Primitives.StringValues header, EntityTagHeaderValue current)
    {
        if (header.Count == 0 || !EntityTagHeaderValue.TryParseList(header, out var tags))
        {
            return false;
        }

        foreach (var tag in tags)
        {
            // If-None-Match compares weakly (RFC 9110 13.1.2)
            if (tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false))
            {
                return true;
            }
        }

        return false;
    }

    private static bool AcceptsGzip(Microsoft.Extensions.Primitives.StringValues header)
    {
        if (header.Count == 0 || !StringWithQualityHeaderValue.TryParseList(header, out var codings))
        {
            return false;
        }

        foreach (var coding in codings)
        {
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase) && coding.Quality is not 0.0)
            {
                return true;
            }
        }

        return false;
    }
}
