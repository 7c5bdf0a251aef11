using Quanet.Operations.Action;
using Quanet.Operations.Engine;
using Quanet.Operations.Inventory;
using Quanet.Server.Api;
using Quanet.Workflows.Operations;

namespace Quanet.Server.Operations;

/// <summary>
/// The operations state of the server: the engine over <c>DATA/operations.db</c> (runbooks act on a simulated network
/// built from the inventory), the correlation clock, the live defence desk, the area's meter, and the read side: the
/// active alarms in memory and the serialised read documents, rebuilt when the state they show changes.
/// </summary>
internal sealed class OperationsRuntime : IAsyncDisposable
{
    private readonly ITimer _ticker;
    private readonly TimeProvider _time;

    public OperationsRuntime(ServerOptions options, TimeProvider time)
    {
        _time = time;
        var (inventory, name) = TopologyLoader.Load(null, options.OperationsInventoryPath, 40, 1);
        InventoryName = name;
        var network = new SimulatedNetwork(new DependencyGraph(inventory), 1);
        network.UpdateTopology();
        Engine = new OperationsEngine(inventory, Path.Combine(options.DataDirectory, "operations.db"), network, time: time);
        Runbooks = new RunbookDesk(Engine);
        Alarms = new AlarmBoard(Engine.Pipeline);
        Metrics = new OperationsMetrics(() => Engine.Correlator.Read(c => c.Incidents.Count(i => i.IsOpen)), () => Defence.PendingCount());
        _ticker = time.CreateTimer(_ => Engine.Correlator.AdvanceTo(NowMicros()), null, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(5));
    }

    /// <summary>Which network is served (for the log line).</summary>
    public string InventoryName { get; }

    public OperationsEngine Engine { get; }

    public RunbookDesk Runbooks { get; }

    public DefenceDesk Defence { get; } = new();

    /// <summary>The active alarms, current as soon as a commit is (the alarm list reads them, not the store).</summary>
    public AlarmBoard Alarms { get; }

    /// <summary>The area's read documents (incidents, alarms, defence), each serialised once per change.</summary>
    public SnapshotCache Reads { get; } = new();

    public OperationsMetrics Metrics { get; }

    public DateTimeOffset Now => _time.GetUtcNow();

    public long NowMicros() => _time.GetUtcNow().ToUnixTimeMilliseconds() * 1000;

    public async ValueTask DisposeAsync()
    {
        await _ticker.DisposeAsync();
        Metrics.Dispose();
        await Engine.DisposeAsync();
    }
}
