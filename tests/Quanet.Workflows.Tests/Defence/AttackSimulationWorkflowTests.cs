using Quanet.Workflows.Defence;

namespace Quanet.Workflows.Tests.Defence;

public sealed class AttackSimulationWorkflowTests
{
    [Fact]
    public void Contains_every_attack_and_reports_each_simulated_day()
    {
        var days = new List<int>();
        var progress = new SynchronousProgress(days);

        var result = AttackSimulationWorkflow.Run(new AttackSimulationRequest { Days = 2, AttacksPerKind = 1, Seed = 4 }, progress);

        Assert.Equal(4, result.Report.Attacks);
        Assert.Equal(4, result.Report.Contained);
        Assert.Equal(0, result.FalseIsolationsPerMonth);
        Assert.Equal([1, 2], days);
    }

    [Fact]
    public void Refuses_zero_days()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AttackSimulationWorkflow.Run(new AttackSimulationRequest { Days = 0 }));
    }

    [Fact]
    public void Stops_when_cancelled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => AttackSimulationWorkflow.Run(new AttackSimulationRequest { Days = 2 }, cancellationToken: cts.Token));
    }

    // Progress<T> posts to the thread pool; the test wants the reports in order before Run returns
    private sealed class SynchronousProgress(List<int> days) : IProgress<int>
    {
        public void Report(int value) => days.Add(value);
    }
}
