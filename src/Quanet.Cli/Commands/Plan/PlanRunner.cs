using Quanet.Cli.Infrastructure;
using Quanet.Workflows.Artifacts;
using Quanet.Workflows.Plan;
using Spectre.Console;

namespace Quanet.Cli.Commands.Plan;

/// <summary>
/// The body of <c>quanet plan</c>: one workflow call, the plan directory written, then the rendering. On Ctrl+C during
/// placement the workflow returns the best plan so far: it is written and shown like any other, marked interrupted,
/// and the exit code is 130 (cancelled).
/// </summary>
internal static class PlanRunner
{
    public static async Task<int> Run(CommandContext ctx, PlanOptions o, TimeProvider time, CancellationToken ct)
    {
        var request = PlanRequestBuilder.Build(ctx, o);
        var json = ctx.Get(o.Json);
        var workflow = new PlanWorkflow(time);
        var result = json || !ctx.Console.Profile.Capabilities.Interactive
            ? await workflow.RunAsync(request, null, ct)
            : await WithProgressBar(ctx, workflow, request, ct);
        var files = PlanArtifactWriter.WritePlan(result, ctx.Get(o.Out)!.FullName)
            .Concat(PlanArtifactWriter.Export(result, ctx.Get(o.Out)!.FullName, PlanOptions.ExportFormats(ctx.Get(o.Export)), Planning.Raster.RasterResolution.Parse(ctx.Get(o.RasterResolution)))).ToList();
        if (json)
        {
            ctx.WriteJson(PlanJson.Create(result, files));
        }
        else
        {
            PlanText.Write(ctx.Console, result.Plan, files);
        }

        if (result.Interrupted)
        {
            ctx.Error.WriteLine("interrupted: the files hold the best plan found before the cancel (not proven; later steps skipped)");
            return ExitCodes.Cancelled;
        }

        return ExitCodes.Success;
    }

    private static async Task<PlanWorkflowResult> WithProgressBar(CommandContext ctx, PlanWorkflow workflow, PlanWorkflowRequest request, CancellationToken ct)
    {
        PlanWorkflowResult? result = null;
        await ctx.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var task = progress.AddTask("solving", maxValue: request.TimeLimit.TotalSeconds);
                var reporter = new Progress<PlanProgress>(p =>
                {
                    if (p.Stage != PlanStage.Placement || p.Incumbent is not { } incumbent)
                    {
                        task.Description = p.Stage.ToString().ToLowerInvariant();
                        return;
                    }

                    task.Value = Math.Min(task.MaxValue, p.Elapsed.TotalSeconds);
                    task.Description = $"incumbent {incumbent:N0}" + (p.Bound is { } b ? $"  bound {b:N0}" : string.Empty);
                });
                result = await workflow.RunAsync(request, reporter, ct);
                task.Value = task.MaxValue;
            });
        return result!;
    }
}
