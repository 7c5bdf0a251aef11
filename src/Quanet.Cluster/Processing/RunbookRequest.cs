namespace Quanet.Cluster.Processing;

/// <summary>A runbook run an incident calls for; the run is keyed by <see cref="IncidentKey"/>.</summary>
[GenerateSerializer, Immutable]
internal sealed record RunbookRequest
{
    /// <summary><c>REGION/INCIDENT-ID</c>: the run's key, also the runbook grain's key.</summary>
    [Id(0)]
    public required string IncidentKey { get; init; }

    /// <summary>The region of the incident.</summary>
    [Id(1)]
    public required string Region { get; init; }

    /// <summary>The incident id within its region.</summary>
    [Id(2)]
    public required long IncidentId { get; init; }

    /// <summary>The incident type (snake_case), which names the runbook in the catalogue.</summary>
    [Id(3)]
    public required string IncidentType { get; init; }

    /// <summary>The runbook name.</summary>
    [Id(4)]
    public required string Runbook { get; init; }

    /// <summary>The element it acts on (the incident's root cause).</summary>
    [Id(5)]
    public required string Target { get; init; }

    /// <summary>Event time the run starts at (the incident's opening), microseconds since 1970.</summary>
    [Id(6)]
    public required long StartedMicros { get; init; }

    /// <summary>The key of <paramref name="region"/>'s incident <paramref name="incidentId"/>.</summary>
    public static string KeyOf(string region, long incidentId) => $"{region}/{incidentId}";
}
