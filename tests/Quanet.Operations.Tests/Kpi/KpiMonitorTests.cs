using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;

namespace Quanet.Operations.Tests.Kpi;

public sealed class KpiMonitorTests
{
    private static readonly NetworkInventory Network = SyntheticInventory.Create(6, 3);

    [Fact]
    public async Task Engine_turns_a_kpi_drop_into_a_notice_with_its_evidence()
    {
        var source = Network.Elements[0].Id;
        const long Monday = 1_704_067_200;
        var events = new List<VesEvent>();
        for (var h = 0; h < 21 * 24; h++)
        {
            var shape = 20 + (80 * Math.Exp(-Math.Pow(((h % 24) - 19) / 4.0, 2)));
            var value = shape * (1 + (0.03 * Math.Sin(h * 12.9898))) * (h is >= 470 and < 476 ? 0.2 : 1.0);
            var micros = (Monday + (h * 3600L)) * 1_000_000L;
            events.Add(KpiEvents.Measurement(source, micros, new VesMeasurement("cell-1", "dl_volume", value)));
        }

        var db = TestEvents.TempDatabase();
        try
        {
            await using var engine = new OperationsEngine(Network, db, new SimulatedNetwork(new DependencyGraph(Network)));
            foreach (var batch in events.Chunk(50))
            {
                await engine.IngestAsync(batch);
            }

            var notices = engine.Store.ListKpiNotices(null, 1000);
            var notice = Assert.Single(notices, n => n.Time == ((Monday + (470 * 3600L)) * 1_000_000L).ToString(System.Globalization.CultureInfo.InvariantCulture));
            Assert.Equal($"{source}/cell-1/dl_volume", notice.Series);
            Assert.True(notice.Expected > 3 * notice.Value, $"expected {notice.Expected}, value {notice.Value}");
            Assert.True(notice.Score >= 0.5);
            Assert.Equal(source, notice.Source);
            Assert.All(notices, n => Assert.InRange(n.WindowEnd, Monday + (470 * 3600L), Monday + (476 * 3600L)));
        }
        finally
        {
            TestEvents.DeleteDatabase(db);
        }
    }
}
