using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Sampling;
using Spectre.Console;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>Runs a sampling workflow, with a Spectre progress bar on an interactive console when the run is long.</summary>
internal static class SolveRunner
{
    /// <summary>The sampler time limit for <c>--time</c> seconds: 0 means none.</summary>
    public static TimeSpan? Limit(double seconds) => seconds > 0 ? TimeSpan.FromSeconds(seconds) : null;

    public static async Task<T> RunAsync<T>(CommandContext context, string label, Func<SamplerOptions, CancellationToken, T> solve, SamplerOptions options, bool quiet, CancellationToken cancellationToken)
    {
        var best = double.PositiveInfinity;
        var progress = new Callback(p => Volatile.Write(ref best, p.BestEnergy));
        options = options with { Progress = progress };
        var work = Task.Run(() => solve(options, cancellationToken), cancellationToken);
        if (quiet || !context.Console.Profile.Capabilities.Interactive || options.TimeLimit is not { } limit || limit < TimeSpan.FromSeconds(2))
        {
            return await work;
        }

        await context.Console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async progressContext =>
            {
                var task = progressContext.AddTask(label, maxValue: limit.TotalSeconds);
                var started = TimeProvider.System.GetTimestamp();
                while (!work.IsCompleted)
                {
                    await Task.WhenAny(work, Task.Delay(200, CancellationToken.None));
                    task.Value = Math.Min(limit.TotalSeconds, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                    var energy = Volatile.Read(ref best);
                    task.Description = double.IsFinite(energy) ? $"{label}: best energy {energy:G10}" : label;
                }

                task.Value = task.MaxValue;
            });
        return await work;
    }

    private sealed class Callback(Action<SamplerProgress> report) : IProgress<SamplerProgress>
    {
        public void Report(SamplerProgress value) => report(value);
    }
}
