using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Quanet.Kme.Certificates;
using Quanet.Kme.Protocol;
using Quanet.Kme.Service;
using Quanet.Kme.Storage;
using Quanet.Kme.Supply;

namespace Quanet.Kme.Hosting;

/// <summary>The HTTP surface: the ETSI GS QKD 014 API for SAEs and the KME-to-KME API for the peer.</summary>
internal sealed class KmeEndpoints(KeyDeliveryService service, TrustValidator trust, HybridAgreement? agreement, Action<string> log)
{
    private const long MaxBody = 1 << 20;

    public void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/keys/{slave}/status", context => Run(context, Sae, (caller, ct) =>
            Write(context, service.GetStatus(caller, Route(context, "slave")), KmeJsonContext.Default.KeyStatus, ct)));
        app.MapPost("/api/v1/keys/{slave}/enc_keys", context => Run(context, Sae, async (caller, ct) =>
        {
            var request = context.Request.ContentLength == 0 ? new KeyRequest() : await Read(context, KmeJsonContext.Default.KeyRequest, ct).ConfigureAwait(false);
            await Write(context, await service.GetKeysAsync(caller, Route(context, "slave"), request, ct).ConfigureAwait(false), KmeJsonContext.Default.KeyContainer, ct).ConfigureAwait(false);
        }));
        app.MapGet("/api/v1/keys/{slave}/enc_keys", context => Run(context, Sae, async (caller, ct) =>
        {
            var request = new KeyRequest { Number = QueryInt(context, "number"), Size = QueryInt(context, "size") };
            await Write(context, await service.GetKeysAsync(caller, Route(context, "slave"), request, ct).ConfigureAwait(false), KmeJsonContext.Default.KeyContainer, ct).ConfigureAwait(false);
        }));
        app.MapPost("/api/v1/keys/{master}/dec_keys", context => Run(context, Sae, async (caller, ct) =>
        {
            var body = await Read(context, KmeJsonContext.Default.KeyIds, ct).ConfigureAwait(false);
            var ids = body.Ids is null ? [] : body.Ids.Select(e => e?.KeyId).ToList();
            await Write(context, await service.GetKeysWithIdsAsync(caller, Route(context, "master"), ids).ConfigureAwait(false), KmeJsonContext.Default.KeyContainer, ct).ConfigureAwait(false);
        }));
        app.MapGet("/api/v1/keys/{master}/dec_keys", context => Run(context, Sae, async (caller, ct) =>
        {
            var ids = context.Request.Query["key_ID"].Select(v => (string?)v).ToList();
            await Write(context, await service.GetKeysWithIdsAsync(caller, Route(context, "master"), ids).ConfigureAwait(false), KmeJsonContext.Default.KeyContainer, ct).ConfigureAwait(false);
        }));
        app.MapPost("/kme/v1/keys", context => Run(context, Peer, async (caller, ct) =>
        {
            var batch = await Read(context, KmeJsonContext.Default.PeerKeyBatch, ct).ConfigureAwait(false);
            await service.ApplyPeerKeysAsync(caller, batch).ConfigureAwait(false);
        }));
        app.MapPost("/kme/v1/relay", context => Run(context, Peer, async (caller, ct) =>
        {
            var relay = service.Relay ?? throw new KeyDeliveryException(DeliveryError.BadRequest, "this KME has no links and takes no relays");
            var batch = await Read(context, KmeJsonContext.Default.RelayBatch, ct).ConfigureAwait(false);
            await Write(context, await relay.AcceptAsync(caller, batch).ConfigureAwait(false), KmeJsonContext.Default.RelayReply, ct).ConfigureAwait(false);
        }));
        app.MapPost("/kme/v1/pool", context => Run(context, Peer, async (caller, ct) =>
            await service.ApplyPoolAsync(caller, await Read(context, KmeJsonContext.Default.PoolBatch, ct).ConfigureAwait(false)).ConfigureAwait(false)));
        app.MapPost("/kme/v1/handshake", context => Run(context, Peer, async (caller, ct) =>
        {
            var init = await Read(context, KmeJsonContext.Default.HandshakeInit, ct).ConfigureAwait(false);
            var responder = agreement ?? throw new KeyDeliveryException(DeliveryError.BadRequest, "this KME is not configured for PQC key supply");
            await Write(context, await responder.RespondAsync(caller, init).ConfigureAwait(false), KmeJsonContext.Default.HandshakeReply, ct).ConfigureAwait(false);
        }));
        app.MapPost("/kme/v1/pool/confirm", context => Run(context, Peer, async (caller, ct) =>
        {
            var range = await Read(context, KmeJsonContext.Default.PoolBatch, ct).ConfigureAwait(false);
            var responder = agreement ?? throw new KeyDeliveryException(DeliveryError.BadRequest, "this KME is not configured for PQC key supply");
            await responder.ConfirmAsync(caller, range).ConfigureAwait(false);
        }));
    }

    /// <summary>Answers requests no route matched with an Error body.</summary>
    public static Task NotFound(HttpContext context) =>
        WriteError(context, StatusCodes.Status404NotFound, $"no such resource: {context.Request.Method} {context.Request.Path}", null);

    private string? Sae(string caller) => service.Directory.IsKnown(caller) ? null : $"SAE '{caller}' is not in this KME's SAE table";

    private string? Peer(string caller) => service.Directory.IsNeighbour(caller) ? null : $"'{caller}' is not this KME's peer";

    private async Task Run(HttpContext context, Func<string, string?> authorise, Func<string, CancellationToken, Task> handler)
    {
        var ct = context.RequestAborted;
        context.Response.Headers.CacheControl = "no-store";
        var caller = CallerIdentity.Of(context, trust);
        if (caller is null)
        {
            await WriteError(context, StatusCodes.Status401Unauthorized, "a client certificate issued by this KME's CA is required", null).ConfigureAwait(false);
            return;
        }

        var refusal = authorise(caller);
        if (refusal is not null)
        {
            await WriteError(context, StatusCodes.Status401Unauthorized, refusal, null).ConfigureAwait(false);
            return;
        }

        try
        {
            await handler(caller, ct).ConfigureAwait(false);
        }
        catch (KeyDeliveryException ex)
        {
            var status = ex.Error switch
            {
                DeliveryError.BadRequest => StatusCodes.Status400BadRequest,
                DeliveryError.Unauthorized => StatusCodes.Status401Unauthorized,
                _ => StatusCodes.Status503ServiceUnavailable,
            };
            IList<IDictionary<string, string>>? details = ex.KeyIds.Count == 0 ? null : [.. ex.KeyIds.Select(id => (IDictionary<string, string>)new Dictionary<string, string> { ["key_ID"] = id })];
            await WriteError(context, status, ex.Message, details).ConfigureAwait(false);
        }
        catch (KeyRequestException ex)
        {
            await WriteError(context, StatusCodes.Status400BadRequest, "bad Key request", ex.Details).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex)
        {
            await WriteError(context, ex.StatusCode, ex.Message, null).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away; nothing to answer.
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            log($"error: {context.Request.Method} {context.Request.Path}: {ex.GetType().Name}: {ex.Message}");
            if (!context.Response.HasStarted)
            {
                await WriteError(context, StatusCodes.Status503ServiceUnavailable, "error on the server side", null).ConfigureAwait(false);
            }
        }
    }

    private static string Route(HttpContext context, string name) => (string)context.Request.RouteValues[name]!;

    private static int? QueryInt(HttpContext context, string name)
    {
        var values = context.Request.Query[name];
        if (values.Count == 0)
        {
            return null;
        }

        return values.Count == 1 && int.TryParse(values[0], NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new KeyDeliveryException(DeliveryError.BadRequest, $"query parameter '{name}' must be one integer");
    }

    private static async Task<T> Read<T>(HttpContext context, JsonTypeInfo<T> type, CancellationToken ct)
        where T : class
    {
        if (context.Request.ContentLength > MaxBody)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, "request body too large");
        }

        try
        {
            return await JsonSerializer.DeserializeAsync(context.Request.Body, type, ct).ConfigureAwait(false)
                ?? throw new KeyDeliveryException(DeliveryError.BadRequest, "request body must be a JSON object");
        }
        catch (JsonException ex)
        {
            throw new KeyDeliveryException(DeliveryError.BadRequest, $"malformed JSON: {ex.Message}");
        }
    }

    private static Task Write<T>(HttpContext context, T value, JsonTypeInfo<T> type, CancellationToken ct)
    {
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, value, type, ct);
    }

    private static Task WriteError(HttpContext context, int status, string message, IList<IDictionary<string, string>>? details)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return JsonSerializer.SerializeAsync(context.Response.Body, new ErrorResponse { Message = message, Details = details }, KmeJsonContext.Default.ErrorResponse);
    }
}
