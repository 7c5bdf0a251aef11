namespace Quanet.Server.Plans;

/// <summary>A plan job as the API shows it (<c>GET /api/v1/plans/{id}</c>).</summary>
internal sealed record PlanJobView
{
    public required string Id { get; init; }

    /// <summary>queued, running, succeeded, failed or cancelled.</summary>
    public required string Status { get; init; }

    public required string Owner { get; init; }

    public required DateTimeOffset SubmittedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    public required PlanSubmission Request { get; init; }

    /// <summary>The latest progress of a running job (or the last one seen), else null.</summary>
    public PlanJobProgress? Progress { get; init; }

    /// <summary>Whether the result is the best found before a cancel.</summary>
    public bool Interrupted { get; init; }

    public string? Error { get; init; }

    public PlanSummary? Summary { get; init; }

    /// <summary>The artifact names present, in the order of <see cref="PlanArtifactNames.All"/>.</summary>
    public required IReadOnlyList<string> Artifacts { get; init; }
}
