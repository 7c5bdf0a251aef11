using Spectre.Console;

namespace Quanet.Cli.Infrastructure;

/// <summary>
/// Runs a solver call with a progress bar (elapsed against its time limit, and the latest status it reports) on an
/// interactive console when the limit is a few seconds or more; plainly otherwise (pipes, files, <c>--json</c>).
/// </summary>
internal static class LongRun
{
    private static readonly TimeSpan MinimumForBar = TimeSpan.FromSeconds(2);

    /// <summary>Runs <paramref name="work"/>, which reports its status (e.g. the best cost so far) through the given progress.</summary>
    public static Task<T> RunAsync<T>(CommandContext context, string label, TimeSpan limit, bool quiet, Func<IProgress<string>, T> work, CancellationToken cancellationToken) =>
        RunAsync(context.Console, label, limit, quiet, work, cancellationToken);

    /// <summary>As <see cref="RunAsync{T}(CommandContext, string, TimeSpan, bool, Func{IProgress{string}, T}, CancellationToken)"/>, drawing on <paramref name="console"/>.</summary>
    public static async Task<T> RunAsync<T>(IAnsiConsole console, string label, TimeSpan limit, bool quiet, Func<IProgress<string>, T> work, CancellationToken cancellationToken)
    {
        string? status = null;
        var progress = new Reporter(s => Volatile.Write(ref status, s));
        var task = Task.Run(() => work(progress), cancellationToken);
        if (quiet || !console.Profile.Capabilities.Interactive || limit < MinimumForBar)
        {
            return await task;
        }

        await console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new ElapsedTimeColumn())
            .StartAsync(async bar =>
            {
                var item = bar.AddTask(Markup.Escape(label), maxValue: limit.TotalSeconds);
                var started = TimeProvider.System.GetTimestamp();
                while (!task.IsCompleted)
                {
                    await Task.WhenAny(task, Task.Delay(200, CancellationToken.None));
                    item.Value = Math.Min(limit.TotalSeconds, TimeProvider.System.GetElapsedTime(started).TotalSeconds);
                    item.Description = Markup.Escape(Volatile.Read(ref status) is { } s ? $"{label}: {s}" : label);
                }

                item.Value = item.MaxValue;
            });
        return await task;
    }

    private sealed class Reporter(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
