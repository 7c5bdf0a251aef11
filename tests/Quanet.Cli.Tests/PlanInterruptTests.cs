using System.CommandLine;
using System.Text.Json;
using Quanet.Cli.Commands;
using Quanet.Cli.Infrastructure;
using Quanet.Workflows.Artifacts;

namespace Quanet.Cli.Tests;

/// <summary><c>quanet plan</c> cancelled (Ctrl+C) during placement: the best plan so far is written, marked interrupted, exit 130.</summary>
public sealed class PlanInterruptTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("quanet-plan-interrupt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Ctrl_c_during_placement_writes_the_best_plan_so_far_and_exits_130()
    {
        // the clock never moves, so the heuristic searches until cancelled; it cancels itself once the search has
        // read it many times (the scenario reads it twice), i.e. inside the placement: no timing involved
        using var cancel = new CancellationTokenSource();
        var root = new RootCommand("test") { PlanCommand.Create(new CancellingClock(cancel, afterReads: 2000)) };
        root.Options.Add(CommonOptions.Verbose);
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await root.Parse(["plan", "--admin1", "09", "--sites", "4", "--spacing", "4", "--solver", "heuristic", "--time", "600", "--out", _dir, "--json"])
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, code);
        Assert.Contains("interrupted: the files hold the best plan found before the cancel", error.ToString(), StringComparison.Ordinal);
        using var document = JsonDocument.Parse(output.ToString());
        Assert.True(document.RootElement.GetProperty("interrupted").GetBoolean());
        Assert.Equal(4, document.RootElement.GetProperty("sites").GetInt32());
        Assert.Equal(4, PlanDirectory.ReadPlan(_dir).Sites.Count);
        Assert.True(File.Exists(Path.Combine(_dir, "plan.png")));
    }

    private sealed class CancellingClock(CancellationTokenSource cancel, int afterReads) : TimeProvider
    {
        private int _reads;

        public override long GetTimestamp()
        {
            if (Interlocked.Increment(ref _reads) == afterReads)
            {
                cancel.Cancel();
            }

            return 0;
        }
    }
}
