using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;

namespace Quanet.Operations.Api;

/// <summary>
/// The operations HTTP API on 127.0.0.1 (Kestrel): VES event listener
/// (<c>POST /eventListener/v7</c>, <c>POST /eventListener/v7/eventBatch</c>), the fault supervision
/// alarm list (<c>/FaultSupervisionMnS/v1/alarms</c>: list with filters, get, PATCH or POST to
/// acknowledge and clear), incidents (<c>/incidents</c>), runbook runs (<c>/incidents/{id}/runbook</c>,
/// <c>/runbook-runs</c>) and <c>/health</c>.
/// </summary>
public sealed class OperationsServer : IAsyncDisposable
{
    private static readonly JsonSerializerOptions CamelCase = new(JsonSerializerDefaults.Web);
    private readonly WebApplication _app;
    private readonly OperationsEngine _engine;
    private readonly TimeProvider _time;
    private readonly bool _autoRemediate;
    private readonly ITimer _ticker;

    private OperationsServer(WebApplication app, OperationsEngine engine, TimeProvider time, bool autoRemediate)
    {
        _app = app;
        _engine = engine;
        _time = time;
        _autoRemediate = autoRemediate;
        _ticker = time.CreateTimer(_ => engine.Correlator.AdvanceTo(NowMicros()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>The address the server listens on (with the real port when 0 was asked).</summary>
    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Starts the API for <paramref name="engine"/> on 127.0.0.1:<paramref name="port"/> (0: an ephemeral port).</summary>
    /// <param name="engine">The engine (owned by the caller).</param>
    /// <param name="port">TCP port, 0 for any free one.</param>
    /// <param name="autoRemediate">Run the decided runbook of every new incident whose decision is a remote fix.</param>
    /// <param name="time">Clock (default system).</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    public static async Task<OperationsServer> StartAsync(OperationsEngine engine, int port, bool autoRemediate = false, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(engine);
        ArgumentOutOfRangeException.ThrowIfNegative(port);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        var app = builder.Build();
        var server = new OperationsServer(app, engine, time ?? TimeProvider.System, autoRemediate);
        server.Map(app);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Waits until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // normal shutdown
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private long NowMicros() => _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    private void Map(WebApplication app)
    {
        app.MapPost("/eventListener/v7", (HttpContext http, CancellationToken _) => IngestAsync(http, batchOnly: false));
        app.MapPost("/eventListener/v7/eventBatch", (HttpContext http, CancellationToken _) => IngestAsync(http, batchOnly: true));
        app.MapGet("/health", () => Results.Json(new { status = "ok", events = _engine.Store.CountEvents(), alarms = _engine.Store.CountAlarms() }, CamelCase));
        app.MapGet("/FaultSupervisionMnS/v1/alarms", (HttpRequest request) => ListAlarms(request));
        app.MapGet("/FaultSupervisionMnS/v1/alarms/{id:long}", (long id) =>
            _engine.Store.FindAlarm(id) is { } alarm ? Results.Json(AlarmDocument.From(alarm), CamelCase) : NotFound($"alarm {id}"));
        app.MapMethods("/FaultSupervisionMnS/v1/alarms/{id:long}", ["PATCH"], (long id, HttpContext http) => PatchAsync(id, http));
        app.MapPost("/FaultSupervisionMnS/v1/alarms/{id:long}/acknowledge", (long id, HttpContext http) => OperatorAsync(id, http, clear: false));
        app.MapPost("/FaultSupervisionMnS/v1/alarms/{id:long}/clear", (long id, HttpContext http) => OperatorAsync(id, http, clear: true));
        app.MapGet("/incidents", (HttpRequest request) =>
        {
            var open = request.Query["state"].ToString() == "open";
            var json = _engine.Correlator.Read(c => OperationsEngine.ToJson(new { incidents = c.Incidents.Where(i => !open || i.IsOpen).ToList() }));
            return Results.Text(json, "application/json");
        });
        app.MapGet("/incidents/{id:long}", (long id) =>
        {
            var json = _engine.Correlator.Read(c => c.Find(id) is { } incident ? OperationsEngine.ToJson(incident) : null);
            return json is null ? NotFound($"incident {id}") : Results.Text(json, "application/json");
        });
        app.MapPost("/incidents/{id:long}/runbook", async (long id, CancellationToken ct) =>
        {
            var incident = _engine.Correlator.Find(id);
            if (incident is null)
            {
                return NotFound($"incident {id}");
            }

            try
            {
                var run = await _engine.RunRunbookAsync(incident, NowMicros(), ct);
                return Results.Text(OperationsEngine.ToJson(run), "application/json", statusCode: 201);
            }
            catch (Quanet.Core.QuanetException ex)
            {
                return Problem(409, ex.Message);
            }
        });
        app.MapGet("/runbook-runs", () => Results.Text(OperationsEngine.ToJson(new { runs = _engine.Store.ListRunbookRunDocuments().Select(d => JsonNode.Parse(d)).ToList() }), "application/json"));
    }

    private async Task<IResult> IngestAsync(HttpContext http, bool batchOnly)
    {
        using var buffer = new MemoryStream();
        await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
        List<VesEvent> events;
        try
        {
            events = VesParser.ParseBody(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
            if (batchOnly && events.Count == 1 && !buffer.GetBuffer().AsSpan(0, (int)buffer.Length).ContainsAny("eventList"u8.ToArray()))
            {
                throw new VesValidationException("$", "the eventBatch resource expects 'eventList'");
            }
        }
        catch (VesValidationException ex)
        {
            // VES Event Listener error body (requestError / serviceException SVC0002 "Bad Parameter")
            return Results.Json(new { requestError = new { serviceException = new { messageId = "SVC0002", text = "Bad Parameter: %1", variables = new[] { ex.Message } } } }, CamelCase, statusCode: 400);
        }

        var result = await _engine.IngestAsync(events, http.RequestAborted);
        if (_autoRemediate)
        {
            await _engine.RemediateOpenedAsync(NowMicros(), http.RequestAborted);
        }
        else
        {
            _engine.TakeOpenedIncidents();
        }

        return Results.Json(new { accepted = result.Accepted, raised = result.Raised, updated = result.Updated, cleared = result.Cleared }, CamelCase, statusCode: 202);
    }

    private IResult ListAlarms(HttpRequest request)
    {
        var q = request.Query;
        bool? Flag(string name, string yes, string no) => q[name].ToString() switch
        {
            var v when v == yes => true,
            var v when v == no => false,
            _ => null,
        };
        VesSeverity? severity = null;
        if (q["severity"].ToString() is { Length: > 0 } s)
        {
            if (!Enum.TryParse<VesSeverity>(s, ignoreCase: true, out var parsed))
            {
                return Problem(400, $"severity '{s}' is not one of CRITICAL, MAJOR, MINOR, WARNING");
            }

            severity = parsed;
        }

        var limit = int.TryParse(q["limit"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) ? l : 1000;
        var query = new AlarmQuery
        {
            Active = q["state"].ToString() switch { "cleared" => false, "all" => null, _ => true },
            Acknowledged = Flag("ackState", "ACKNOWLEDGED", "UNACKNOWLEDGED"),
            Source = q["objectInstance"].ToString() is { Length: > 0 } src ? src : null,
            Condition = q["probableCause"].ToString() is { Length: > 0 } pc ? pc : null,
            MinSeverity = severity,
            Limit = limit,
        };
        var alarms = _engine.Store.ListAlarms(query).Select(AlarmDocument.From).ToList();
        return Results.Json(new { count = alarms.Count, alarms }, CamelCase);
    }

    private async Task<IResult> PatchAsync(long id, HttpContext http)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException)
        {
            return Problem(400, "body must be a JSON object");
        }

        if (body is not JsonObject o)
        {
            return Problem(400, "body must be a JSON object");
        }

        string? Text(string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        AlarmRecord? alarm;
        if (Text("ackState") == "ACKNOWLEDGED")
        {
            alarm = await _engine.Pipeline.AcknowledgeAsync(id, Text("ackUserId") ?? "unknown", http.RequestAborted);
        }
        else if (Text("perceivedSeverity") == "CLEARED")
        {
            alarm = await _engine.Pipeline.ClearAsync(id, Text("clearUserId") ?? "unknown", http.RequestAborted);
        }
        else
        {
            return Problem(400, "expected {\"ackState\":\"ACKNOWLEDGED\",\"ackUserId\":...} or {\"perceivedSeverity\":\"CLEARED\",\"clearUserId\":...}");
        }

        return alarm is null ? NotFound($"alarm {id}") : Results.Json(AlarmDocument.From(alarm), CamelCase);
    }

    private async Task<IResult> OperatorAsync(long id, HttpContext http, bool clear)
    {
        var user = "unknown";
        if (http.Request.ContentLength > 0)
        {
            try
            {
                if (await JsonNode.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted) is JsonObject o && o["user"] is JsonValue v && v.TryGetValue<string>(out var u))
                {
                    user = u;
                }
            }
            catch (JsonException)
            {
                return Problem(400, "body must be a JSON object like {\"user\":\"alice\"}");
            }
        }

        var alarm = clear ? await _engine.Pipeline.ClearAsync(id, user, http.RequestAborted) : await _engine.Pipeline.AcknowledgeAsync(id, user, http.RequestAborted);
        return alarm is null ? NotFound($"alarm {id}") : Results.Json(AlarmDocument.From(alarm), CamelCase);
    }

    private static IResult NotFound(string what) => Problem(404, $"{what} not found");

    private static IResult Problem(int status, string detail) => Results.Json(new { status, detail }, CamelCase, statusCode: status);
}
