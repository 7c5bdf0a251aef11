using System.Net;
using Quanet.Cluster.Ingestion;

namespace Quanet.Server.Collector;

/// <summary>How a stateless VES collector of the operations cluster listens, whom it lets in, and where it writes.</summary>
public sealed record CollectorOptions
{
    /// <summary>Address and port to listen on (port 0: any free port).</summary>
    /// <value>127.0.0.1:8090.</value>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8090);

    /// <summary>
    /// The API key file of <c>quanet serve</c> (<c>DATA/server.db</c>, keys made with <c>quanet serve keys add</c>):
    /// senders authenticate exactly as at the server, HTTP Basic (key name, secret) or Bearer, with the operator role.
    /// </summary>
    public required string CredentialsPath { get; init; }

    /// <summary>The network inventory (JSON) whose topology regions partition the log.</summary>
    public required string InventoryPath { get; init; }

    /// <summary>The ingestion log to append to.</summary>
    public required EventLogOptions Log { get; init; }

    /// <summary>PEM certificate for HTTPS, or null for plain HTTP (loopback only).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Seconds a sender is told to wait (<c>Retry-After</c>) when the log is unavailable.</summary>
    /// <value>2.</value>
    public int RetryAfterSeconds { get; init; } = 2;

    /// <summary>Whether to write the structured request log to the console.</summary>
    public bool ConsoleLogs { get; init; }
}
