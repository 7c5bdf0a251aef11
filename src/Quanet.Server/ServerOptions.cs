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

    /// <summary>OIDC issuer whose JWT bearer tokens are accepted (its discovery document and keys are fetched); null: API keys only.</summary>
    public Uri? OidcAuthority { get; init; }

    /// <summary>The audience a token must be issued for (required with <see cref="OidcAuthority"/>).</summary>
    public string? OidcAudience { get; init; }

    /// <summary>The token claim holding the caller's role (<c>viewer</c>, <c>planner</c>, <c>operator</c> or <c>admin</c>).</summary>
    /// <value>Default <c>roles</c>.</value>
    public string OidcRoleClaim { get; init; } = "roles";

    /// <summary>Largest request body of an endpoint that declares no larger limit, in bytes.</summary>
    /// <value>Default 1 MiB.</value>
    public long MaxRequestBodyBytes { get; init; } = 1024 * 1024;

    /// <summary>Requests per minute one caller (key or token subject; anonymous callers by address) may make; 0 turns the limit off.</summary>
    /// <value>Default 6000.</value>
    public int RequestsPerMinute { get; init; } = 6000;

    /// <summary>Writes structured (JSON) logs to standard error; off for embedded servers and tests.</summary>
    public bool ConsoleLogs { get; init; }

    /// <summary>Inventory file of the network the operations area serves; null for the default topology of the CLI.</summary>
    public string? OperationsInventoryPath { get; init; }

    /// <summary>Plan jobs: the job store, concurrency and per-job limits, the KMEs shown. <value>Defaults of <see cref="PlanServerOptions"/>.</value></summary>
    public PlanServerOptions Plans { get; init; } = new();
}
