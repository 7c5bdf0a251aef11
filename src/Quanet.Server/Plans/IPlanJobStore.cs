namespace Quanet.Server.Plans;

/// <summary>
/// Where plan jobs are kept (SQLite by default, PostgreSQL as an option); every state change is one atomic
/// statement guarded by the state it leaves, so a cancel and a start cannot both win.
/// </summary>
internal interface IPlanJobStore : IDisposable
{
    /// <summary>
    /// True when other servers may change the jobs too (PostgreSQL): then every read asks the store. A store only this
    /// process writes (SQLite) changes only through <see cref="PlanJobRunner"/>, which pulses <see cref="PlanJobChanges"/>.
    /// </summary>
    bool SharedBetweenServers { get; }

    Task AddAsync(PlanJobRecord job, CancellationToken cancellationToken = default);

    Task<PlanJobRecord?> GetAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Every job, newest first.</summary>
    Task<IReadOnlyList<PlanJobRecord>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves a queued job to running and counts the attempt; false when it was not queued.</summary>
    Task<bool> StartAsync(string id, DateTimeOffset startedAt, CancellationToken cancellationToken = default);

    /// <summary>Ends a queued or running job; false when it had already ended or does not exist.</summary>
    Task<bool> FinishAsync(string id, string status, DateTimeOffset finishedAt, bool interrupted, string? error, string? summaryJson, CancellationToken cancellationToken = default);

    /// <summary>Deletes a job; false when there was none.</summary>
    Task<bool> DeleteAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>
    /// At start-up: every job left running by a server that stopped is queued again when it has been started fewer
    /// than <paramref name="maxAttempts"/> times, or failed with the reason otherwise. Returns the queued jobs, oldest first.
    /// </summary>
    Task<IReadOnlyList<PlanJobRecord>> RecoverAsync(DateTimeOffset now, int maxAttempts, CancellationToken cancellationToken = default);
}
