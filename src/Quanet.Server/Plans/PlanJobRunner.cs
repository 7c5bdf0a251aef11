using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;

namespace Quanet.Server.Plans;

/// <summary>
/// Runs plan jobs from a queue with at most <see cref="PlanServerOptions.MaxConcurrentJobs"/> at once. On start it
/// recovers the store (a job left running by a stopped server is queued again once, or failed with the reason)
/// and queues what is waiting. On stop it abandons running jobs without touching their state, exactly as a crash
/// would leave them, so the next start treats both alike.
/// </summary>
internal sealed partial class PlanJobRunner(IPlanJobStore store, PlanServerOptions options, ServerOptions server, TimeProvider time, PlanMetrics metrics, PlanJobChanges changes)
    : IHostedService, IDisposable
{
    /// <summary>A job is started at most this many times: once, and once more after a server stop.</summary>
    public const int MaxAttempts = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Channel<string> _queue = Channel.CreateUnbounded<string>();
    private readonly ConcurrentDictionary<string, RunningJob> _running = new();
    private readonly ConcurrentDictionary<string, PlanJobProgress> _progress = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _workers = [];

    /// <summary>The directory of job <paramref name="id"/>'s files.</summary>
    public string JobDirectory(string id) => Path.Combine(server.DataDirectory, "plans", id);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in await store.RecoverAsync(time.GetUtcNow(), MaxAttempts, cancellationToken))
        {
            Enqueue(job.Id);
        }

        for (var i = 0; i < Math.Max(1, options.MaxConcurrentJobs); i++)
        {
            _workers.Add(Task.Run(WorkAsync, CancellationToken.None));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        await Task.WhenAll(_workers).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    /// <summary>Stores a new queued job and queues it.</summary>
    public async Task SubmitAsync(PlanJobRecord job, CancellationToken cancellationToken)
    {
        await store.AddAsync(job, cancellationToken);
        metrics.Submitted();
        Enqueue(job.Id);
        changes.Pulse();
    }

    /// <summary>
    /// Cancels a job: a queued one ends cancelled at once, a running one stops its solvers and ends cancelled with
    /// the best plan so far. False when the job does not exist; true (and nothing changes) when it had ended.
    /// </summary>
    public async Task<bool> CancelAsync(string id, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(id, out var running))
        {
            running.UserCancelled = true;
            await running.Cancel.CancelAsync();
            return true;
        }

        var job = await store.GetAsync(id, cancellationToken);
        if (job is null)
        {
            return false;
        }

        if (job.Status == PlanJobStatus.Queued
            && await store.FinishAsync(id, PlanJobStatus.Cancelled, time.GetUtcNow(), false, "cancelled before it started", null, cancellationToken))
        {
            metrics.Finished(PlanJobStatus.Cancelled, TimeSpan.Zero);
            changes.Pulse();
        }

        return true;
    }

    /// <summary>Cancels the job if it runs, waits for it to end, then deletes it and its files. False when there was none.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (_running.TryGetValue(id, out var running))
        {
            running.UserCancelled = true;
            await running.Cancel.CancelAsync();
            await running.Done.Task.WaitAsync(cancellationToken);
        }

        var deleted = await store.DeleteAsync(id, cancellationToken);
        var directory = JobDirectory(id);
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }

        _progress.TryRemove(id, out _);
        changes.Pulse();
        return deleted;
    }

    /// <summary>The API view of <paramref name="job"/>.</summary>
    public PlanJobView View(PlanJobRecord job) => new()
    {
        Id = job.Id,
        Status = job.Status,
        Owner = job.Owner,
        SubmittedAt = job.SubmittedAt,
        StartedAt = job.StartedAt,
        FinishedAt = job.FinishedAt,
        Request = JsonSerializer.Deserialize<PlanSubmission>(job.RequestJson, Json)!,
        Progress = _progress.GetValueOrDefault(job.Id),
        Interrupted = job.Interrupted,
        Error = job.Error,
        Summary = job.SummaryJson is null ? null : JsonSerializer.Deserialize<PlanSummary>(job.SummaryJson, Json),
        Artifacts = PlanJobStatus.IsTerminal(job.Status) ? PlanArtifactNames.Present(JobDirectory(job.Id)) : [],
    };

    /// <summary>The request of a submission as stored.</summary>
    public static string Serialize(PlanSubmission submission) => JsonSerializer.Serialize(submission, Json);

    public void Dispose() => _stopping.Dispose();

    private void Enqueue(string id)
    {
        metrics.Enqueued();
        _queue.Writer.TryWrite(id);
    }

    private sealed class RunningJob
    {
        public CancellationTokenSource Cancel { get; } = new();

        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public volatile bool UserCancelled;
    }
}
