using Quanet.Defence.Response;

namespace Quanet.Workflows.Defence;

/// <summary>What the rules found in the telemetry and what the response policy did about it.</summary>
public sealed record DefendResult
{
    /// <summary>Events read from all telemetry files.</summary>
    public required int Events { get; init; }

    /// <summary>Rejected lines per reason, sorted by reason.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> RejectionsByReason { get; init; }

    /// <summary>Rejected lines in all.</summary>
    public required long RejectedLines { get; init; }

    /// <summary>The security incidents, in the order they were opened.</summary>
    public required IReadOnlyList<SecurityIncident> Incidents { get; init; }

    /// <summary>Every action the policy took (alerts, filters, isolations), in order.</summary>
    public required IReadOnlyList<AuditEntry> Actions { get; init; }

    /// <summary>
    /// Why the run failed as one line (no event accepted, or more lines rejected than
    /// <see cref="DefendRequest.MaxRejected"/> allows); null when it passes. The counts above hold either way.
    /// </summary>
    public string? Failure { get; init; }
}
