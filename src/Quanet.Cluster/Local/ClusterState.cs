namespace Quanet.Cluster.Local;

/// <summary>
/// What a running local cluster writes to <c>DATA/cluster.json</c>: every process with its ID and ports, so that
/// <c>quanet ops cluster down --data DIR</c> (another process) can stop them all.
/// </summary>
public sealed record ClusterState
{
    /// <summary>The process that started the cluster and watches it (<c>quanet ops cluster up</c> or <c>ops chaos</c>).</summary>
    public required int OwnerPid { get; init; }

    /// <summary>The NATS servers.</summary>
    public required IReadOnlyList<ProcessEntry> Nats { get; init; }

    /// <summary>The silos.</summary>
    public required IReadOnlyList<ProcessEntry> Silos { get; init; }

    /// <summary>The collectors.</summary>
    public required IReadOnlyList<ProcessEntry> Collectors { get; init; }

    /// <summary>The PostgreSQL server's port on 127.0.0.1.</summary>
    public required int PostgresPort { get; init; }

    /// <summary>The PostgreSQL server's data folder (stopped with <c>pg_ctl stop</c>).</summary>
    public required string PostgresData { get; init; }

    /// <summary>The Npgsql connection string of the cluster's database (trust authentication on loopback).</summary>
    public required string PostgresConnection { get; init; }

    /// <summary>The file holding the operator key's secret (0600), or null when it was only shown.</summary>
    public string? KeyFile { get; init; }
}
