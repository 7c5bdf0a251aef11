using Quanet.Operations.Ingestion;
using Quanet.Operations.Inventory;
using Quanet.Workflows.Operations;

namespace Quanet.Workflows.Tests.Operations;

public sealed class SimulateWorkflowTests
{
    [Fact]
    public async Task The_recorded_event_stream_replays_to_the_simulated_alarms()
    {
        var network = SyntheticInventory.Create(12, 2);
        var path = Path.Combine(Path.GetTempPath(), $"quanet-sim-{Guid.NewGuid():N}.ndjson");
        try
        {
            var report = await SimulateWorkflow.RunAsync(new SimulateRequest
            {
                Inventory = network,
                Topology = "synthetic",
                Hours = 3,
                Seed = 2,
                Faults = [("du_crash", 8)],
                EventsOutPath = path,
            });

            var lines = NdjsonEvents.Read(path).ToList();
            Assert.Equal(report.Events, lines.Count);
            Assert.All(lines, l => Assert.Null(l.Error));
            var replay = await ReplayWorkflow.RunAsync(new ReplayRequest { Inventory = network, Topology = "synthetic", EventsPath = path, Seed = 2 });
            Assert.Equal(report.Alarms, replay.Alarms);
            Assert.Null(replay.Failure);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(745)]
    public async Task Hours_outside_the_supported_range_are_refused(double hours)
    {
        var request = new SimulateRequest { Inventory = SyntheticInventory.Create(4, 1), Topology = "synthetic", Hours = hours };

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => SimulateWorkflow.RunAsync(request));
    }
}
