using System.Diagnostics;
using Npgsql;
using Quanet.Cluster.Processing;
using Quanet.Cluster.Tests.Processing.Support;

namespace Quanet.Cluster.Tests.Processing;

/// <summary>
/// A region's batches do not wait for runbook grains that cannot take their runs (a silo's death, a reminder service
/// still settling): in a chaos run, starts awaited inside each apply, 2 s each and one after the other, stood a
/// region still for 15 s after a silo's death.
/// </summary>
public sealed class RegionRunbookHandOverTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    [PostgresClusterFact]
    public async Task Batches_are_applied_at_once_while_no_runbook_grain_can_record_its_run_and_the_runs_start_afterwards()
    {
        var storm = await Storm.SimulateAsync(seed: 1);
        var connection = await database.CreateAsync();
        await using var silo = await TestSilo.StartAsync(connection, storm.Inventory);
        var slowest = TimeSpan.Zero;
        await using (var blocker = new NpgsqlConnection(connection))
        {
            await blocker.OpenAsync();
            foreach (var region in storm.Regions.Keys)
            {
                // activated first: an activation reads the runbook table
                await silo.Grains.GetGrain<IRegionGrain>(region).StatusAsync();
            }

            // every runbook grain's start waits on this lock: it records the run first
            await using var transaction = await blocker.BeginTransactionAsync();
            await using (var hold = new NpgsqlCommand("LOCK TABLE quanet_runbooks IN ACCESS EXCLUSIVE MODE", blocker, transaction))
            {
                await hold.ExecuteNonQueryAsync();
            }

            foreach (var (region, events) in storm.Regions)
            {
                var grain = silo.Grains.GetGrain<IRegionGrain>(region);
                foreach (var chunk in events.Chunk(50))
                {
                    var clock = Stopwatch.StartNew();
                    await grain.ApplyAsync(chunk);
                    slowest = clock.Elapsed > slowest ? clock.Elapsed : slowest;
                }
            }

            await transaction.RollbackAsync();
        }

        // each start not taken cost a batch 2 s (StartWait) when the apply awaited it
        Assert.True(slowest < TimeSpan.FromSeconds(1.9), $"a batch took {slowest.TotalSeconds:0.00} s: it waited for a runbook start");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_runbooks") == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "no runbook run was recorded after the table was free again");
            await Task.Delay(200);
        }
    }
}
