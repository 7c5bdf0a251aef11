namespace Quanet.Cluster.Processing;

/// <summary>What a region grain reports about itself.</summary>
[GenerateSerializer, Immutable]
internal sealed class RegionStatus
{
    /// <summary>The stream sequence of the last applied event.</summary>
    [Id(0)]
    public ulong LastAppliedSequence { get; init; }

    /// <summary>Incidents the region's correlator holds.</summary>
    [Id(1)]
    public int Incidents { get; init; }

    /// <summary>Of those, still open.</summary>
    [Id(2)]
    public int OpenIncidents { get; init; }

    /// <summary>Events replayed when this activation rebuilt its correlator.</summary>
    [Id(3)]
    public long RebuiltEvents { get; init; }

    /// <summary>Milliseconds the rebuild took.</summary>
    [Id(4)]
    public double RebuildMilliseconds { get; init; }

    /// <summary>The silo hosting this activation (host:port).</summary>
    [Id(5)]
    public string Silo { get; init; } = "";

    /// <summary>The root-cause type and entity of every incident (<c>type:entity</c>), sorted.</summary>
    [Id(6)]
    public IReadOnlyList<string> IncidentKeys { get; init; } = [];

    /// <summary>Events the correlator quarantined or could not parse.</summary>
    [Id(7)]
    public long Refused { get; init; }
}
