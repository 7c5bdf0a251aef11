using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Quanet.Server.Hosting;

/// <summary>
/// One log line per request that changes something or fails: method, path, status and milliseconds (never a header,
/// query or body). A successful read is logged at debug level only: a wall of consoles polling every few seconds
/// would otherwise write most of the log, and cost two formatted lines per read; reads are counted and timed in
/// <c>/metrics</c> (<c>http.server.request.duration</c>) instead.
/// </summary>
internal static partial class RequestLog
{
    public static void Use(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Quanet.Server.Requests");
        app.Use(async (context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var status = 500;
            try
            {
                await next(context);
                status = context.Response.StatusCode;
            }
            finally
            {
                var method = context.Request.Method;
                var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method);
                var level = read && status < 400 ? LogLevel.Debug : LogLevel.Information;
                if (logger.IsEnabled(level))
                {
                    Finished(logger, level, method, context.Request.Path.Value ?? "/", status, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
            }
        });
    }

    [LoggerMessage(EventId = 1, Message = "{Method} {Path} {Status} in {Milliseconds:0.0} ms")]
    private static partial void Finished(ILogger logger, LogLevel level, string method, string path, int status, double milliseconds);
}
