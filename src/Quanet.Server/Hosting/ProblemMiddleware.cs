using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quanet.Core;

namespace Quanet.Server.Hosting;

/// <summary>
/// The outermost middleware: an exception that escapes an endpoint becomes an RFC 7807 problem with one line, never a
/// stack trace (bad request framing and oversized bodies keep their 4xx status; a domain error is 400; the rest 500).
/// </summary>
internal static class ProblemMiddleware
{
    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quanet.Server");
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception ex) when (!context.Response.HasStarted && ex is not OperationCanceledException)
            {
                var (status, detail) = ex switch
                {
                    BadHttpRequestException bad => (bad.StatusCode, bad.StatusCode == 413 ? "the request body is larger than this endpoint accepts" : bad.Message),
                    QuanetException => (400, ex.Message),
                    _ => (500, "internal error; the server log has the details"),
                };
                if (status == 500)
                {
                    logger.LogError(ex, "unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path.Value);
                }

                context.Response.Clear();
                await Results.Problem(detail, statusCode: status).ExecuteAsync(context);
            }
        });
    }
}
