using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Correlation;

public sealed class AlarmCorrelatorVersionTests
{
    private const long Second = 1_000_000;

    [Fact]
    public void Version_grows_with_a_commit_a_grouping_and_a_runbook_run_and_not_with_a_quiet_clock_tick()
    {
        var correlator = new AlarmCorrelator(new DependencyGraph(TestTopologies.Chain()));
        var cut = new AlarmRecord
        {
            AlarmId = 1,
            Source = "A/csr",
            Condition = AlarmConditions.LinkDown,
            Interface = "L2",
            Domain = "fault",
            EventName = AlarmConditions.LinkDown,
            Severity = VesSeverity.Major,
        };
        var start = correlator.Version;

        correlator.OnCommitted(new CommittedBatch([], [new AlarmChange(AlarmChangeKind.Raised, cut)]));
        var committed = correlator.Version;
        correlator.AdvanceTo(1 * Second);
        var ticked = correlator.Version;
        correlator.AdvanceTo(200 * Second);
        var grouped = correlator.Version;
        var incident = Assert.Single(correlator.Incidents);
        correlator.AddRunbookRun(incident, 7);

        Assert.True(committed > start);
        Assert.Equal(committed, ticked);
        Assert.True(grouped > ticked);
        Assert.True(correlator.Version > grouped);
        Assert.Equal([7], incident.RunbookRuns);
    }
}
