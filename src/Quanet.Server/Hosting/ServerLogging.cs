using Microsoft.Extensions.Logging;

namespace Quanet.Server.Hosting;

/// <summary>
/// Structured logs: one JSON object per line on standard error (standard output stays for the host's own lines).
/// Nothing secret reaches them: requests are logged by method, path and status, never by header or body (see <see cref="RequestLog"/>).
/// </summary>
internal static class ServerLogging
{
    public static void Configure(ILoggingBuilder logging, bool console)
    {
        logging.ClearProviders();
        if (!console)
        {
            return;
        }

        logging.AddJsonConsole(o =>
        {
            o.IncludeScopes = false;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            o.UseUtcTimestamp = true;
        });
        logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        logging.SetMinimumLevel(LogLevel.Information);
        // requests are logged once by RequestLog (changes and failures); the framework's own per-request lines (request
        // starting and finished, endpoint executing, result writing, authentication) stay at warning
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Http.Result", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
    }
}
