using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;
using Quanet.Kme.Protocol;
using Quanet.Kme.Storage;

namespace Quanet.Kme.Peering;

/// <summary>The KME-to-KME channel: HTTPS with mutual TLS, both ends authenticated by the common CA and their KME IDs.</summary>
internal sealed class PeerKmeClient : IPeerKme, IDisposable
{
    private readonly HttpClient _http;

    public PeerKmeClient(string peerKmeId, Uri baseAddress, X509Certificate2 kmeCertificate, TrustValidator trust)
    {
        KmeId = peerKmeId;
        _http = new HttpClient(TlsSettings.Handler(kmeCertificate, trust, peerKmeId, maxConnections: 32), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public string KmeId { get; }

    public Task PushKeysAsync(PeerKeyBatch batch, CancellationToken cancellationToken) =>
        PostAsync("kme/v1/keys", batch, KmeJsonContext.Default.PeerKeyBatch, cancellationToken);

    public Task PushPoolAsync(PoolBatch batch, CancellationToken cancellationToken) =>
        PostAsync("kme/v1/pool", batch, KmeJsonContext.Default.PoolBatch, cancellationToken);

    public Task ConfirmAsync(PoolBatch range, CancellationToken cancellationToken) =>
        PostAsync("kme/v1/pool/confirm", range, KmeJsonContext.Default.PoolBatch, cancellationToken);

    public async Task<HandshakeReply> HandshakeAsync(HandshakeInit init, CancellationToken cancellationToken)
    {
        var body = await PostAsync("kme/v1/handshake", init, KmeJsonContext.Default.HandshakeInit, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, KmeJsonContext.Default.HandshakeReply)
            ?? throw new KeyDeliveryException(DeliveryError.Unavailable, "peer sent an empty handshake reply");
    }

    /// <summary>Hands relayed keys to this neighbour; returns its result per relay (after it stored or forwarded them).</summary>
    public async Task<Relay.RelayReply> RelayAsync(Relay.RelayBatch batch, CancellationToken cancellationToken)
    {
        var body = await PostAsync("kme/v1/relay", batch, KmeJsonContext.Default.RelayBatch, cancellationToken).ConfigureAwait(false);
        return JsonSerializer.Deserialize(body, KmeJsonContext.Default.RelayReply)
            ?? throw new KeyDeliveryException(DeliveryError.Unavailable, "peer sent an empty relay reply");
    }

    public void Dispose() => _http.Dispose();

    private async Task<byte[]> PostAsync<T>(string path, T value, JsonTypeInfo<T> type, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, type));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await _http.PostAsync(path, content, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var error = System.Text.Encoding.UTF8.GetString(body);
            throw new KeyDeliveryException(DeliveryError.Unavailable, $"peer KME {KmeId} answered {(int)response.StatusCode} to {path}: {error}");
        }

        return body;
    }
}
