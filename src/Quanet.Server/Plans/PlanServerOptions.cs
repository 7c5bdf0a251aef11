namespace Quanet.Server.Plans;

/// <summary>How the server runs plan jobs: where it keeps them, how many at once, and each job's limits.</summary>
public sealed record PlanServerOptions
{
    /// <summary>
    /// PostgreSQL connection string of the job store; null for the SQLite file <c>DATA/jobs.db</c>.
    /// <value>Default null.</value>
    /// </summary>
    public string? JobStoreConnectionString { get; init; }

    /// <summary>Plan jobs run at once; the others wait in the queue. <value>Default 1.</value></summary>
    public int MaxConcurrentJobs { get; init; } = 1;

    /// <summary>The largest placement time limit a submission may ask for, in seconds. <value>Default 600.</value></summary>
    public double MaxTimeLimitSeconds { get; init; } = 600;

    /// <summary>The largest uploaded demand or candidates file, in bytes. <value>Default 16 MiB.</value></summary>
    public long MaxUploadBytes { get; init; } = 16 * 1024 * 1024;

    /// <summary>The most rows (lines) an uploaded demand or candidates file may have. <value>Default 100,000.</value></summary>
    public int MaxDemandRows { get; init; } = 100_000;

    /// <summary>The KMEs whose status <c>GET /api/v1/kmes</c> shows. <value>Default none.</value></summary>
    public IReadOnlyList<KmeEndpoint> Kmes { get; init; } = [];
}
