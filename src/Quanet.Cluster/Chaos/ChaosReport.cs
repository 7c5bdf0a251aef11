namespace Quanet.Cluster.Chaos;

/// <summary>What a chaos run measured (<c>quanet ops chaos --json</c>; docs/operations-cluster.md defines every field).</summary>
public sealed record ChaosReport
{
    /// <summary>The seed of the storm and of the kills.</summary>
    public required int Seed { get; init; }

    /// <summary>Events in the storm.</summary>
    public required int Events { get; init; }

    /// <summary>Simulated hours the storm covers.</summary>
    public required double Hours { get; init; }

    /// <summary>Topology regions the storm's events fall in.</summary>
    public required int Regions { get; init; }

    /// <summary>Silo processes.</summary>
    public required int Silos { get; init; }

    /// <summary>nats-server processes.</summary>
    public required int Nats { get; init; }

    /// <summary>Collector processes.</summary>
    public required int Collectors { get; init; }

    /// <summary>Concurrent senders.</summary>
    public required int Senders { get; init; }

    /// <summary>Events in requests a collector answered 202.</summary>
    public required long Acknowledged { get; init; }

    /// <summary>Distinct acknowledged events (by source, event ID and sequence) found among the events the region grains applied.</summary>
    public required long Stored { get; init; }

    /// <summary>Acknowledged events not stored: <see cref="Acknowledged"/> - <see cref="Stored"/>.</summary>
    public required long Lost { get; init; }

    /// <summary>Applied events beyond one per identity (an event stored twice).</summary>
    public required long StoredTwice { get; init; }

    /// <summary>Network actions applied more than once under the same (incident, step) key.</summary>
    public required long DuplicateActions { get; init; }

    /// <summary>Network actions applied in total.</summary>
    public required long Actions { get; init; }

    /// <summary>Runbook runs started (remote-fix incidents).</summary>
    public required long Runbooks { get; init; }

    /// <summary>Distinct incidents (root-cause type and entity) of the region grains.</summary>
    public required int Incidents { get; init; }

    /// <summary>Distinct incidents of the embedded single-process replay of the acknowledged events.</summary>
    public required int EmbeddedIncidents { get; init; }

    /// <summary>Whether the two sets of incidents are equal.</summary>
    public required bool IncidentsMatch { get; init; }

    /// <summary>Incidents (<c>type:entity</c>) only the cluster found.</summary>
    public required IReadOnlyList<string> OnlyInCluster { get; init; }

    /// <summary>Incidents only the embedded replay found.</summary>
    public required IReadOnlyList<string> OnlyEmbedded { get; init; }

    /// <summary>
    /// The longest recovery of any kill (0 without kills), overlapping kills included: the figure the goal
    /// (recovery &lt;= 10 s) is checked against.
    /// </summary>
    public required double RecoverySeconds { get; init; }

    /// <summary>The recovery of each kind killed.</summary>
    public required IReadOnlyDictionary<string, double> RecoverySecondsByKind { get; init; }

    /// <summary>Every kill with its recovery.</summary>
    public required IReadOnlyList<ChaosKill> Kills { get; init; }

    /// <summary>Acknowledged events per second of sending (first request to last 202), kills included.</summary>
    public required long EventsPerSecond { get; init; }

    /// <summary>Seconds from the first request to the last 202.</summary>
    public required double SendSeconds { get; init; }

    /// <summary>Seconds from the first request until every acknowledged event was applied (or the wait gave up).</summary>
    public required double ApplySeconds { get; init; }

    /// <summary>Requests sent again (after a refused connection, a timeout or a 503).</summary>
    public required int Retries { get; init; }
}
