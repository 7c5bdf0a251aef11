using Quanet.Cluster.Processing;
using Quanet.Cluster.Tests.Processing.Support;
using Quanet.Operations.Inventory;

namespace Quanet.Cluster.Tests.Processing;

public sealed class RunbookGrainTests(ClusterDatabase database) : IClassFixture<ClusterDatabase>
{
    private static readonly NetworkInventory Network = SyntheticInventory.Create(12, 1);

    [PostgresClusterFact]
    public async Task Runbook_interrupted_mid_step_by_a_dead_silo_runs_each_step_exactly_once_on_the_other_silo()
    {
        var connection = await database.CreateAsync();
        await using var first = await TestSilo.StartAsync(connection, Network);
        await using var second = await TestSilo.StartAsync(connection, Network);
        var request = Congestion("agg1/1");

        var (dying, surviving) = await StartAndKillDuringAsync(first, second, request, "change");
        var outcome = await OutcomeAsync(surviving, request.IncidentKey);

        Assert.Equal("fixed", outcome);
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_network_actions WHERE action_key = 'agg1/1/change'"));
        Assert.Equal(1, await ClusterActions.CountAsync(connection, CancellationToken.None));
        Assert.Equal(0, await ClusterActions.DuplicatesAsync(connection, CancellationToken.None));
        Assert.Equal(4, await ClusterDatabase.ScalarAsync(connection,
            "SELECT count(*) FROM quanet_runbook_steps WHERE incident_key = 'agg1/1' AND state = 'done' AND step IN ('guard', 'snapshot', 'change', 'verify')"));
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection,
            "SELECT count(*) FROM quanet_runbook_steps WHERE step = 'change' AND result::text LIKE '%found on the network, not repeated%'"));
        Assert.Equal(2, await ClusterDatabase.ScalarAsync(connection, "SELECT (parameters->>'carriers')::bigint FROM quanet_network_config WHERE element = '" + request.Target + "'"));
        Assert.NotSame(dying, surviving);
    }

    [PostgresClusterFact]
    public async Task Rollback_interrupted_by_a_dead_silo_restores_the_snapshot_once_on_the_other_silo()
    {
        var connection = await database.CreateAsync();
        await using var first = await TestSilo.StartAsync(connection, Network);
        await using var second = await TestSilo.StartAsync(connection, Network);
        var request = Congestion("agg1/2");
        // the carrier does not relieve the cell: verification fails and the runbook rolls back
        await ClusterDatabase.ExecuteAsync(connection, $"INSERT INTO quanet_network_kpis VALUES ('{request.Target}', 'prb_utilisation', 0.97)");

        var (_, surviving) = await StartAndKillDuringAsync(first, second, request, "rollback");
        var outcome = await OutcomeAsync(surviving, request.IncidentKey);

        Assert.Equal("rolled_back", outcome);
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_network_actions WHERE action_key = 'agg1/2/change'"));
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_network_actions WHERE action_key = 'agg1/2/rollback'"));
        Assert.Equal(0, await ClusterActions.DuplicatesAsync(connection, CancellationToken.None));
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection, "SELECT count(*) FROM quanet_runbook_steps WHERE step = 'change' AND state = 'rolled_back'"));
        // the snapshot taken before the change on the dead silo is what the surviving silo restored
        Assert.Equal(1, await ClusterDatabase.ScalarAsync(connection, "SELECT (parameters->>'carriers')::bigint FROM quanet_network_config WHERE element = '" + request.Target + "'"));
    }

    [PostgresClusterFact]
    public async Task Starting_a_finished_run_again_applies_nothing()
    {
        var connection = await database.CreateAsync();
        await using var silo = await TestSilo.StartAsync(connection, Network);
        var request = Congestion("agg1/3");
        var grain = silo.Grains.GetGrain<IRunbookGrain>(request.IncidentKey);
        await grain.StartAsync(request);
        Assert.Equal("fixed", await OutcomeAsync(silo, request.IncidentKey));

        await grain.StartAsync(request);
        await Task.Delay(500);

        Assert.Equal(1, await ClusterActions.CountAsync(connection, CancellationToken.None));
    }

    /// <summary>A congestion incident on a radio unit: the add-carrier runbook (snapshot, set carriers 2, verify, confirm).</summary>
    private static RunbookRequest Congestion(string key) => new()
    {
        IncidentKey = key,
        Region = key.Split('/')[0],
        IncidentId = long.Parse(key.Split('/')[1], System.Globalization.CultureInfo.InvariantCulture),
        IncidentType = "congestion",
        Runbook = "add-carrier",
        Target = Network.Elements.First(e => e.Kind == ElementKind.RadioUnit).Id,
        StartedMicros = 1_767_571_200_000_000,
    };

    /// <summary>Starts the run, waits until <paramref name="step"/>'s action reached the network, kills the silo running it.</summary>
    private static async Task<(TestSilo Dying, TestSilo Surviving)> StartAndKillDuringAsync(TestSilo first, TestSilo second, RunbookRequest request, string step)
    {
        var reached = new TaskCompletionSource<TestSilo>(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource();
        foreach (var silo in new[] { first, second })
        {
            silo.Faults.AfterAction = async (_, at) =>
            {
                if (at == step && reached.TrySetResult(silo))
                {
                    // the silo dies here: after the action, before the step is recorded done
                    await never.Task;
                }
            };
        }

        await first.Grains.GetGrain<IRunbookGrain>(request.IncidentKey).StartAsync(request);
        var dying = await reached.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await dying.KillAsync();
        never.SetException(new OperationCanceledException("the silo was killed"));
        return (dying, dying == first ? second : first);
    }

    private static Task<string> OutcomeAsync(TestSilo silo, string key) =>
        RegionGrainTests.RetryAsync(async () => await silo.Grains.GetGrain<IRunbookGrain>(key).OutcomeAsync()
            ?? throw new InvalidOperationException("the run has no outcome yet"));
}
