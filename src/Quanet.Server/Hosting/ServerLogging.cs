using Microsoft.Extensions.Logging;

namespace Quanet.Server.Hosting;

/// <summary>
/// Structured logs: one JSON object per line on standard error (standard output stays for the host's own lines).
/// Nothing secret reaches them: requests are logged by method, path and status, never by header or body.
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
        // per-request lines from the hosting layer carry the path and status only; authentication's own lines stay at warning
        logging.AddFilter("Microsoft.AspNetCore.Authentication", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Routing", LogLevel.Warning);
    }
}
