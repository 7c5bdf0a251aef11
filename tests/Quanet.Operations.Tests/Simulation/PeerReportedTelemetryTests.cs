using Quanet.Operations.Correlation;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Operations.Simulation;

namespace Quanet.Operations.Tests.Simulation;

public sealed class PeerReportedTelemetryTests
{
    private const long Minute = 60_000_000;
    private readonly SimulationWorld _world = new(new DependencyGraph(TestTopologies.Hubs()), seed: 3) { LossProbability = 0 };

    private List<VesEvent> Step(Action<SimulationWorld> change)
    {
        change(_world);
        _world.Refresh();
        return _world.AdvanceTo(_world.NowMicros + (10 * Minute));
    }

    private static List<(string Source, string Interface, string Reporter, VesSeverity Severity)> Of(List<VesEvent> events, string condition) =>
        [.. events.Where(e => e.AlarmCondition == condition)
            .Select(e => (e.SourceName, e.AlarmInterface, e.ReportingEntityName, e.Severity ?? VesSeverity.Normal))
            .OrderBy(x => x.SourceName, StringComparer.Ordinal)];

    [Fact]
    public void A_dark_hub_is_reported_by_its_xn_neighbours_and_cleared_when_power_returns()
    {
        _world.StartAt(Minute);

        var raised = Step(w => w.Network.UnpoweredSites.Add("G2"));
        var cleared = Step(w => w.Network.UnpoweredSites.Remove("G2"));

        Assert.Equal([("G1/cu", "G2/cu", "G1/cu", VesSeverity.Major), ("G3/cu", "G2/cu", "G3/cu", VesSeverity.Major)], Of(raised, AlarmConditions.XnLinkFailure));
        Assert.Equal([("G1/cu", "G2/cu", "G1/cu", VesSeverity.Normal), ("G3/cu", "G2/cu", "G3/cu", VesSeverity.Normal)], Of(cleared, AlarmConditions.XnLinkFailure));

        // the CU of R and S is dark itself: nobody reports their cells
        Assert.Empty(Of(raised, AlarmConditions.CellUnavailable));
    }

    [Fact]
    public void A_crashed_du_has_its_cells_reported_out_of_service_by_its_cu_until_it_restarts()
    {
        _world.StartAt(Minute);

        var raised = Step(w => w.Network.CrashedDus.Add("P/du"));
        var cleared = Step(w => w.Network.CrashedDus.Remove("P/du"));

        Assert.Equal(
            [("P/ru1", "", "G1/cu", VesSeverity.Critical), ("P/ru2", "", "G1/cu", VesSeverity.Critical), ("P/ru3", "", "G1/cu", VesSeverity.Critical)],
            Of(raised, AlarmConditions.CellUnavailable));
        Assert.All(Of(cleared, AlarmConditions.CellUnavailable), a => Assert.Equal(VesSeverity.Normal, a.Severity));
        Assert.Equal(3, Of(cleared, AlarmConditions.CellUnavailable).Count);
        Assert.Empty(Of(raised, AlarmConditions.XnLinkFailure));
    }
}
