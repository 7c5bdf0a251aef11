using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Kme.Certificates;
using Quanet.Kme.Hosting;
using Quanet.Kme.Protocol;

namespace Quanet.Kme.Control;

/// <summary>
/// The controller's HTTP surface. Reading (inventories, paths, metrics) is open to the network's KMEs and the
/// topology's operators; reporting (link state, failures) to KMEs only, each about its own links. Every caller is
/// authenticated by a client certificate of the network's CA: none or another CA's gets 401, a known certificate
/// without the right gets 403.
/// </summary>
internal sealed class ControllerEndpoints(NetworkState state, TrustValidator trust, Action<string> log)
{
    private const int MaxPaths = 16;
    private const long MaxBody = 64 << 10;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/qkd/v1/nodes", context => Run(context, Reader, () => Json(context, w => YangDocuments.Nodes(w, state))));
        app.MapGet("/qkd/v1/nodes/{id}", context => Run(context, Reader, () =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            return state.IsKme(id) ? Json(context, w => YangDocuments.Node(w, state, id)) : Error(context, StatusCodes.Status404NotFound, $"no node '{id}'");
        }));
        app.MapGet("/qkd/v1/links", context => Run(context, Reader, () => Json(context, w => YangDocuments.Links(w, state.Links()))));
        app.MapGet("/qkd/v1/links/{id}", context => Run(context, Reader, () =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            return state.Links().FirstOrDefault(l => l.Name == id) is { } link
                ? Json(context, w => YangDocuments.Link(w, link))
                : Error(context, StatusCodes.Status404NotFound, $"no link '{id}'");
        }));
        app.MapGet("/qkd/v1/applications", context => Run(context, Reader, () => Json(context, w => YangDocuments.Applications(w, state))));
        app.MapGet("/qkd/v1/paths", context => Run(context, Reader, () => Paths(context)));
        app.MapGet("/metrics", context => Run(context, Reader, () =>
        {
            context.Response.ContentType = PrometheusMetrics.ContentType;
            return context.Response.WriteAsync(PrometheusMetrics.Write(state.Links()), context.RequestAborted);
        }));
        app.MapPost("/qkd/v1/reports", context => Run(context, Kme, async () =>
        {
            var report = await ReadReport(context).ConfigureAwait(false);
            if (report is null)
            {
                await Error(context, StatusCodes.Status400BadRequest, "body must be a link report").ConfigureAwait(false);
                return;
            }

            state.Apply(Caller(context), report);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        }));
        app.MapPost("/qkd/v1/links/{id}/failures", context => Run(context, Kme, () =>
        {
            var id = (string)context.Request.RouteValues["id"]!;
            if (!state.Fail(Caller(context), id))
            {
                return Error(context, StatusCodes.Status404NotFound, $"no link '{id}'");
            }

            log($"link {id} reported failed by {Caller(context)}; routing around it");
            context.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }));
    }

    /// <summary>Answers requests no route matched.</summary>
    public static Task NotFound(HttpContext context) =>
        Error(context, StatusCodes.Status404NotFound, $"no such resource: {context.Request.Method} {context.Request.Path}");

    private bool Reader(string caller) => state.IsKme(caller) || state.Topology.Controller?.Operators.Contains(caller) == true;

    private bool Kme(string caller) => state.IsKme(caller);

    private static string Caller(HttpContext context) => (string)context.Items["caller"]!;

    private Task Paths(HttpContext context)
    {
        var from = context.Request.Query["from"].ToString();
        var to = context.Request.Query["to"].ToString();
        var kText = context.Request.Query["k"].ToString();
        var k = 3;
        if (!state.IsKme(from) || !state.IsKme(to) || from == to)
        {
            return Error(context, StatusCodes.Status400BadRequest, "query parameters 'from' and 'to' must name two different KMEs of the topology");
        }

        if (kText.Length > 0 && (!int.TryParse(kText, NumberStyles.None, CultureInfo.InvariantCulture, out k) || k < 1 || k > MaxPaths))
        {
            return Error(context, StatusCodes.Status400BadRequest, $"query parameter 'k' must be an integer from 1 to {MaxPaths}");
        }

        var list = new PathList { From = from, To = to };
        foreach (var path in state.Paths(from, to, k))
        {
            list.Paths.Add(new PathEntry { Nodes = [.. path.Nodes], Hops = path.Hops, BottleneckBlocks = path.BottleneckBlocks });
        }

        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, list, ControlJsonContext.Default.PathList, context.RequestAborted);
    }

    private static async Task<LinkReport?> ReadReport(HttpContext context)
    {
        if (context.Request.ContentLength > MaxBody)
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, ControlJsonContext.Default.LinkReport, context.RequestAborted).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private async Task Run(HttpContext context, Func<string, bool> allowed, Func<Task> handler)
    {
        context.Response.Headers.CacheControl = "no-store";
        var caller = CallerIdentity.Of(context, trust);
        if (caller is null)
        {
            await Error(context, StatusCodes.Status401Unauthorized, "a client certificate issued by the network's CA is required").ConfigureAwait(false);
            return;
        }

        if (!allowed(caller))
        {
            await Error(context, StatusCodes.Status403Forbidden, $"'{caller}' may not use {context.Request.Method} {context.Request.Path}").ConfigureAwait(false);
            return;
        }

        context.Items["caller"] = caller;
        try
        {
            await handler().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    private static async Task Json(HttpContext context, Action<Utf8JsonWriter> write)
    {
        context.Response.ContentType = "application/json";
        var json = new Utf8JsonWriter(context.Response.BodyWriter);
        await using (json.ConfigureAwait(false))
        {
            write(json);
            await json.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        }
    }

    private static Task Error(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse { Message = message }, KmeJsonContext.Default.ErrorResponse);
    }
}
