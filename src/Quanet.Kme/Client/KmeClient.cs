using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Quanet.Kme.Certificates;
using Quanet.Kme.Protocol;

namespace Quanet.Kme.Client;

/// <summary>An ETSI GS QKD 014 client for an SAE: HTTPS with the SAE's client certificate, trusting one CA only.</summary>
public sealed class KmeClient : IDisposable
{
    private readonly HttpClient _http;

    /// <summary>Creates a client for the KME at <paramref name="baseAddress"/>.</summary>
    /// <param name="baseAddress">e.g. <c>https://127.0.0.1:8443</c>.</param>
    /// <param name="saeCertificate">The SAE's certificate with private key (its CN is the SAE ID).</param>
    /// <param name="ca">The only CA trusted for the KME's server certificate.</param>
    /// <param name="expectedKmeId">If given, the KME certificate's CN must equal it.</param>
    public KmeClient(Uri baseAddress, X509Certificate2 saeCertificate, X509Certificate2 ca, string? expectedKmeId = null)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        ArgumentNullException.ThrowIfNull(saeCertificate);
        ArgumentNullException.ThrowIfNull(ca);
        _http = new HttpClient(TlsSettings.Handler(saeCertificate, new TrustValidator(ca, TimeProvider.System), expectedKmeId), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    /// <summary>Get status: <c>GET /api/v1/keys/{slave_SAE_ID}/status</c>.</summary>
    public Task<KmeResponse<KeyStatus>> GetStatusAsync(string slaveSaeId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/keys/{Uri.EscapeDataString(slaveSaeId)}/status"), KmeJsonContext.Default.KeyStatus, cancellationToken);

    /// <summary>Get key: <c>POST /api/v1/keys/{slave_SAE_ID}/enc_keys</c> with a Key request body.</summary>
    public Task<KmeResponse<KeyContainer>> GetKeysAsync(string slaveSaeId, KeyRequest request, CancellationToken cancellationToken = default)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"api/v1/keys/{Uri.EscapeDataString(slaveSaeId)}/enc_keys")
        {
            Content = Json(JsonSerializer.SerializeToUtf8Bytes(request, KmeJsonContext.Default.KeyRequest)),
        };
        return SendAsync(message, KmeJsonContext.Default.KeyContainer, cancellationToken);
    }

    /// <summary>Get key: <c>GET /api/v1/keys/{slave_SAE_ID}/enc_keys?number=N&amp;size=S</c>.</summary>
    public Task<KmeResponse<KeyContainer>> GetKeysAsync(string slaveSaeId, int number, int size, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, string.Create(CultureInfo.InvariantCulture, $"api/v1/keys/{Uri.EscapeDataString(slaveSaeId)}/enc_keys?number={number}&size={size}")), KmeJsonContext.Default.KeyContainer, cancellationToken);

    /// <summary>Get key with key IDs: <c>POST /api/v1/keys/{master_SAE_ID}/dec_keys</c> with a Key IDs body.</summary>
    public Task<KmeResponse<KeyContainer>> GetKeysWithIdsAsync(string masterSaeId, IEnumerable<string> keyIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keyIds);
        var body = new KeyIds { Ids = [.. keyIds.Select(id => new KeyIdEntry { KeyId = id })] };
        var message = new HttpRequestMessage(HttpMethod.Post, $"api/v1/keys/{Uri.EscapeDataString(masterSaeId)}/dec_keys")
        {
            Content = Json(JsonSerializer.SerializeToUtf8Bytes(body, KmeJsonContext.Default.KeyIds)),
        };
        return SendAsync(message, KmeJsonContext.Default.KeyContainer, cancellationToken);
    }

    /// <summary>Get key with key IDs: <c>GET /api/v1/keys/{master_SAE_ID}/dec_keys?key_ID=...</c>.</summary>
    public Task<KmeResponse<KeyContainer>> GetKeyWithIdAsync(string masterSaeId, string keyId, CancellationToken cancellationToken = default) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, $"api/v1/keys/{Uri.EscapeDataString(masterSaeId)}/dec_keys?key_ID={Uri.EscapeDataString(keyId)}"), KmeJsonContext.Default.KeyContainer, cancellationToken);

    /// <inheritdoc/>
    public void Dispose() => _http.Dispose();

    private static ByteArrayContent Json(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private async Task<KmeResponse<T>> SendAsync<T>(HttpRequestMessage message, JsonTypeInfo<T> type, CancellationToken cancellationToken)
        where T : class
    {
        using (message)
        {
            using var response = await _http.SendAsync(message, cancellationToken).ConfigureAwait(false);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            try
            {
                return status == 200
                    ? new KmeResponse<T>(status, JsonSerializer.Deserialize(body, type), null)
                    : new KmeResponse<T>(status, null, body.Length == 0 ? null : JsonSerializer.Deserialize(body, KmeJsonContext.Default.ErrorResponse));
            }
            catch (JsonException)
            {
                return new KmeResponse<T>(status, null, null);
            }
        }
    }
}
