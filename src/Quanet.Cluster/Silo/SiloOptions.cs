using System.Net;

namespace Quanet.Cluster.Silo;

/// <summary>How one silo of the operations cluster runs: its database, its endpoints and how fast it notices a dead peer.</summary>
public sealed record SiloOptions
{
    /// <summary>Npgsql connection string of the cluster's PostgreSQL database (membership, grain state, reminders, operations tables).</summary>
    public required string PostgresConnectionString { get; init; }

    /// <summary>The address the silo listens on and advertises (default 127.0.0.1).</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>Silo-to-silo port (default 11111).</summary>
    public int SiloPort { get; init; } = 11111;

    /// <summary>Client gateway port (default 30000; 0: no gateway).</summary>
    public int GatewayPort { get; init; } = 30000;

    /// <summary>
    /// Time a peer has to answer one liveness probe (default 1 s). A silo is declared dead after
    /// <see cref="MissedProbes"/> missed probes, so failover starts after about their product.
    /// </summary>
    public TimeSpan ProbeTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Missed probes before a silo suspects a peer (default 3).</summary>
    public int MissedProbes { get; init; } = 3;

    /// <summary>Suspicions needed to declare a silo dead (default 2; a two-silo cluster needs 1).</summary>
    public int DeathVotes { get; init; } = 2;

    /// <summary>Shortest period of a reminder (default 5 s: how long a runbook orphaned by a dead silo waits at most before it resumes).</summary>
    public TimeSpan ReminderPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Folder for the region grains' scratch engine databases (default: the temporary folder).</summary>
    public string? ScratchFolder { get; init; }

    /// <summary>Every problem with these options, worded for any host (empty when valid).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(PostgresConnectionString))
        {
            problems.Add("the PostgreSQL connection string is empty");
        }

        if (SiloPort is < 1 or > 65535)
        {
            problems.Add($"silo port {SiloPort} is not in 1..65535");
        }

        if (GatewayPort is < 0 or > 65535)
        {
            problems.Add($"gateway port {GatewayPort} is not in 0..65535");
        }

        if (GatewayPort == SiloPort)
        {
            problems.Add("the silo and gateway ports are the same");
        }

        if (ProbeTimeout <= TimeSpan.Zero || MissedProbes < 1 || DeathVotes < 1)
        {
            problems.Add("probe timeout, missed probes and death votes must be positive");
        }

        return problems;
    }
}
