namespace Quanet.Server.Plans;

/// <summary>A plan job as the store keeps it.</summary>
/// <param name="Id">32 lower-case hex digits.</param>
/// <param name="Status">One of <see cref="PlanJobStatus"/>.</param>
/// <param name="Owner">The name of the key that submitted it.</param>
/// <param name="SubmittedAt">When it was accepted.</param>
/// <param name="RequestJson">The submission as JSON (with the uploaded files' names).</param>
internal sealed record PlanJobRecord(string Id, string Status, string Owner, DateTimeOffset SubmittedAt, string RequestJson)
{
    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>Whether it was cancelled with the best result so far kept.</summary>
    public bool Interrupted { get; init; }

    /// <summary>Why it failed or was cancelled, one line; null otherwise.</summary>
    public string? Error { get; init; }

    /// <summary>The result summary as JSON; null until there is a result.</summary>
    public string? SummaryJson { get; init; }

    /// <summary>How many times it was started (a job found running at start-up is re-queued once).</summary>
    public int Attempts { get; init; }
}
