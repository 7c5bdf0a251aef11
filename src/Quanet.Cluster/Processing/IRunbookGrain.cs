namespace Quanet.Cluster.Processing;

/// <summary>The runbook run of one incident (grain key: <see cref="RunbookRequest.IncidentKey"/>), run step by step exactly once.</summary>
internal interface IRunbookGrain : IGrainWithStringKey
{
    /// <summary>Records the run and starts it in the background (a run already recorded resumes); idempotent.</summary>
    Task StartAsync(RunbookRequest request);

    /// <summary>The run's outcome (snake_case), or null while it runs or before it started.</summary>
    Task<string?> OutcomeAsync();
}
