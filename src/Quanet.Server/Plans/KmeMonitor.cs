using System.Net.Sockets;
using Quanet.Core;
using Quanet.Core.Text;
using Quanet.Kme.Certificates;
using Quanet.Kme.Client;

namespace Quanet.Server.Plans;

/// <summary>
/// Reads the status of the configured KMEs for <c>GET /api/v1/kmes</c>: with credentials, the ETSI GS QKD 014
/// Get status call over mutual TLS (key counts and sizes, never key material); with an address only, whether it
/// accepts TCP connections. Certificates are loaded once, at start-up, so a broken file stops the server there.
/// </summary>
internal sealed class KmeMonitor : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);
    private readonly (KmeEndpoint Kme, KmeClient? Client)[] _kmes;

    /// <exception cref="QuanetException">A certificate or key file cannot be read.</exception>
    public KmeMonitor(IReadOnlyList<KmeEndpoint> kmes) =>
        _kmes = [.. kmes.Select(k => (k, k is { Address: { } address, Credentials: { } c } ? Client(k.Name, address, c) : null))];

    /// <summary>The status of every configured KME, in configuration order, asked in parallel.</summary>
    public async Task<KmeState[]> StatusAsync(CancellationToken cancellationToken) =>
        await Task.WhenAll(_kmes.Select(k => StatusAsync(k.Kme, k.Client, cancellationToken))).ConfigureAwait(false);

    public void Dispose()
    {
        foreach (var (_, client) in _kmes)
        {
            client?.Dispose();
        }
    }

    private static KmeClient Client(string name, Uri address, KmeCredentials credentials)
    {
        try
        {
            return new KmeClient(address, CertificateFiles.LoadCertificateWithKey(credentials.CertificateFile, credentials.KeyFile),
                CertificateFiles.LoadCertificate(credentials.CaFile), expectedKmeId: name);
        }
        catch (Exception ex) when (ex is QuanetException or IOException or UnauthorizedAccessException or System.Security.Cryptography.CryptographicException)
        {
            throw new QuanetException($"KME {name}: {ex.Message}");
        }
    }

    private static async Task<KmeState> StatusAsync(KmeEndpoint kme, KmeClient? client, CancellationToken cancellationToken)
    {
        if (kme.Address is null)
        {
            return new KmeState(kme.Name, null, "not configured", null, null);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        if (client is null)
        {
            return new KmeState(kme.Name, kme.Address, await ProbeAsync(kme.Address, timeout.Token) ? "reachable" : "unreachable", null, null);
        }

        try
        {
            var response = await client.GetStatusAsync(kme.Credentials!.SlaveSaeId, timeout.Token).ConfigureAwait(false);
            return response.Value is { } status
                ? new KmeState(kme.Name, kme.Address, "ok", status, null)
                : new KmeState(kme.Name, kme.Address, "refused", null, $"HTTP {response.StatusCode}: {response.Error?.Message ?? "no error body"}");
        }
        catch (HttpRequestException ex)
        {
            var state = ex.HttpRequestError == HttpRequestError.SecureConnectionError ? "tls failed" : "unreachable";
            return new KmeState(kme.Name, kme.Address, state, null, Printable.Escape(ex.InnerException?.Message ?? ex.Message, 200));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new KmeState(kme.Name, kme.Address, "unreachable", null, $"no answer within {Timeout.TotalSeconds:0} s");
        }
    }

    private static async Task<bool> ProbeAsync(Uri address, CancellationToken ct)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(address.Host, address.Port, ct).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            return false;
        }
    }
}
