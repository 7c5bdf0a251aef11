using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Quanet.Server.Plans;

namespace Quanet.Server.Api;

/// <summary>
/// <c>GET /api/v1/plans/{id}/events</c>: <c>event: progress</c> on every new incumbent, bound or stage, <c>event: status</c>
/// on every status change, and the end of the stream after a terminal status; a comment line every 15 s keeps it open.
/// </summary>
internal static partial class PlanEndpoints
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static async Task Events(string id, HttpContext http, IPlanJobStore store, PlanJobRunner runner, PlanJobChanges changes, CancellationToken ct)
    {
        if (!IsId(id) || await store.GetAsync(id, ct) is null)
        {
            await NotFound($"no plan job '{id}'").ExecuteAsync(http);
            return;
        }

        http.Response.ContentType = "text/event-stream";
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers["X-Accel-Buffering"] = "no";
        PlanJobProgress? lastProgress = null;
        string? lastStatus = null;
        try
        {
            while (true)
            {
                var next = changes.Next; // taken before looking, so a change while looking is not missed
                if (await store.GetAsync(id, ct) is not { } job)
                {
                    return; // deleted
                }

                var view = runner.View(job);
                if (view.Progress is { } progress && progress != lastProgress)
                {
                    await WriteAsync(http, "progress", progress, ct);
                    lastProgress = progress;
                }

                if (view.Status != lastStatus)
                {
                    await WriteAsync(http, "status", view, ct);
                    lastStatus = view.Status;
                }

                if (PlanJobStatus.IsTerminal(view.Status))
                {
                    return;
                }

                try
                {
                    await next.WaitAsync(TimeSpan.FromSeconds(15), ct);
                }
                catch (TimeoutException)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // the client went away
        }
    }

    private static async Task WriteAsync<T>(HttpContext http, string name, T data, CancellationToken ct)
    {
        await http.Response.WriteAsync($"event: {name}\ndata: {JsonSerializer.Serialize(data, Web)}\n\n", ct);
        await http.Response.Body.FlushAsync(ct);
    }
}
