using System.Text.Json;
using Quanet.Core;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;

namespace Quanet.Server.Plans;

/// <summary>The workers: one job at a time each, the workflow called exactly as <c>quanet plan</c> calls it.</summary>
internal sealed partial class PlanJobRunner
{
    private async Task WorkAsync()
    {
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(_stopping.Token))
            {
                metrics.Dequeued();
                await RunAsync(id);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // server stopping
        }
    }

    private async Task RunAsync(string id)
    {
        var job = await store.GetAsync(id, _stopping.Token);
        var start = time.GetTimestamp();
        if (job is null || !await store.StartAsync(id, time.GetUtcNow(), _stopping.Token))
        {
            return; // cancelled or deleted while queued
        }

        var running = new RunningJob();
        _running[id] = running;
        metrics.Started();
        changes.Pulse();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(running.Cancel.Token, _stopping.Token);
        try
        {
            var (status, interrupted, error, summary) = await ExecuteAsync(job, running, start, linked.Token);
            if (_stopping.IsCancellationRequested && !running.UserCancelled)
            {
                return; // left running for the next start to recover, as after a crash
            }

            await store.FinishAsync(id, status, time.GetUtcNow(), interrupted, error, summary, CancellationToken.None);
            metrics.Finished(status, time.GetElapsedTime(start));
        }
        finally
        {
            _running.TryRemove(id, out _);
            metrics.Stopped();
            running.Done.TrySetResult();
            running.Cancel.Dispose();
            changes.Pulse();
        }
    }

    private async Task<(string Status, bool Interrupted, string? Error, string? Summary)> ExecuteAsync(PlanJobRecord job, RunningJob running, long start, CancellationToken cancellationToken)
    {
        var directory = JobDirectory(job.Id);
        try
        {
            var submission = JsonSerializer.Deserialize<PlanSubmission>(job.RequestJson, Json)!;
            var (request, problems) = PlanSubmissionValidator.Build(submission, options, Path.Combine(directory, "input"));
            if (request is null)
            {
                return (PlanJobStatus.Failed, false, string.Join("; ", problems), null);
            }

            var progress = new ProgressSink(this, job.Id, start);
            var result = await new PlanWorkflow(time).RunAsync(request, progress, cancellationToken);
            if (_stopping.IsCancellationRequested && !running.UserCancelled)
            {
                return (PlanJobStatus.Running, false, null, null);
            }

            WriteArtifacts(result, directory);
            var summary = JsonSerializer.Serialize(PlanSummary.From(result), Json);
            return result.Interrupted
                ? (PlanJobStatus.Cancelled, true, "cancelled; the best plan found until then is kept", summary)
                : (PlanJobStatus.Succeeded, false, null, summary);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (PlanJobStatus.Cancelled, false, "cancelled before placement had a result", null);
        }
        catch (Exception ex) when (ex is QuanetException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            return (PlanJobStatus.Failed, false, ex.Message, null);
        }
        catch (Exception ex)
        {
            // a fault of a solver or writer must end this job, not the worker that runs the queue
            return (PlanJobStatus.Failed, false, $"internal error ({ex.GetType().Name}): {ex.Message}", null);
        }
    }

    private static void WriteArtifacts(PlanWorkflowResult result, string directory)
    {
        PlanArtifactWriter.WritePlan(result, directory);
        PlanArtifactWriter.Export(result, directory, [PlanExportFormat.Kml, PlanExportFormat.Gpkg]);
    }

    private void Report(string id, long start, PlanProgress value)
    {
        var previous = _progress.GetValueOrDefault(id);
        var incumbent = value.Incumbent ?? previous?.Incumbent;
        var bound = value.Bound ?? previous?.Bound;
        double? gap = incumbent is { } i && bound is { } b ? Math.Abs(b - i) / Math.Max(Math.Abs(i), 1e-9) : null;
        _progress[id] = new PlanJobProgress(value.Stage.ToString().ToLowerInvariant(), time.GetElapsedTime(start).TotalSeconds, incumbent, bound, gap);
        changes.Pulse();
    }

    /// <summary>Synchronous, so a cancel made from a report acts before the solver goes on.</summary>
    private sealed class ProgressSink(PlanJobRunner runner, string id, long start) : IProgress<PlanProgress>
    {
        public void Report(PlanProgress value) => runner.Report(id, start, value);
    }
}
