using Quanet.Operations.Correlation;

namespace Quanet.Workflows.Operations;

/// <summary>What a replay read, stored and correlated.</summary>
public sealed record ReplayResult
{
    /// <summary>Where the network came from.</summary>
    public required string Topology { get; init; }

    /// <summary>Non-blank lines read.</summary>
    public long Lines { get; init; }

    /// <summary>Events accepted (committed to the store).</summary>
    public long Accepted { get; init; }

    /// <summary>Lines rejected (not valid VES).</summary>
    public long Rejected { get; init; }

    /// <summary>The first <see cref="ReplayWorkflow.RejectionSamples"/> rejections, each <c>FILE:LINE: reason</c>.</summary>
    public IReadOnlyList<string> Rejections { get; init; } = [];

    /// <summary>Alarms in the store after the replay.</summary>
    public long Alarms { get; init; }

    /// <summary>Alarms the replayed events raised.</summary>
    public long AlarmsRaised { get; init; }

    /// <summary>Alarms the replayed events cleared.</summary>
    public long AlarmsCleared { get; init; }

    /// <summary>Events the correlator quarantined (outside its clock-skew window, or repeated), by reason.</summary>
    public QuarantineCounts Quarantined { get; init; } = new(0, new Dictionary<string, long>());

    /// <summary>The incidents, oldest first, with their decisions.</summary>
    public IReadOnlyList<Incident> Incidents { get; init; } = [];

    /// <summary>
    /// Why the input fails the replay (no event accepted, or more lines rejected than
    /// <see cref="ReplayRequest.MaxRejected"/>) as one line naming the file; null when it passes.
    /// </summary>
    public string? Failure { get; init; }
}
