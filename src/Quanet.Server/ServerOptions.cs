using System.Net;
using Quanet.Server.Plans;

namespace Quanet.Server;

/// <summary>How <see cref="QuanetServer"/> listens, where it keeps its state and whom it trusts.</summary>
public sealed record ServerOptions
{
    /// <summary>Address and port to listen on (port 0: any free port). Plain HTTP is allowed on loopback only.</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 8080);

    /// <summary>Directory of the server's state: keys, jobs, audit log, plan results, operations store.</summary>
    public required string DataDirectory { get; init; }

    /// <summary>PEM certificate chain for HTTPS; null for plain HTTP (loopback only).</summary>
    public string? TlsCertificatePath { get; init; }

    /// <summary>PEM private key of <see cref="TlsCertificatePath"/>.</summary>
    public string? TlsKeyPath { get; init; }

    /// <summary>Clock of the server; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>Plan jobs: the job store, concurrency and per-job limits, the KMEs shown. <value>Defaults of <see cref="PlanServerOptions"/>.</value></summary>
    public PlanServerOptions Plans { get; init; } = new();
}
