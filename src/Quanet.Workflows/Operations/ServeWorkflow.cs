using Quanet.Operations.Action;
using Quanet.Operations.Api;
using Quanet.Operations.Engine;
using Quanet.Operations.Inventory;

namespace Quanet.Workflows.Operations;

/// <summary>
/// Starts the operations HTTP API on 127.0.0.1 (VES ingest, alarm list, incidents, runbook runs) over
/// an engine whose runbooks act on a simulated network.
/// </summary>
public static class ServeWorkflow
{
    /// <summary>Opens the store, wires the engine and starts listening.</summary>
    /// <param name="request">Network, store, port and remediation policy.</param>
    /// <param name="cancellationToken">Cancels start-up.</param>
    /// <returns>The running service; dispose it to stop.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The port is outside 0..65535.</exception>
    public static async Task<OperationsService> StartAsync(ServeRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegative(request.Port, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Port, 65535, nameof(request));
        var adapter = new SimulatedNetwork(new DependencyGraph(request.Inventory), request.Seed);
        adapter.UpdateTopology();
        var engine = new OperationsEngine(request.Inventory, request.DatabasePath, adapter);
        try
        {
            var server = await OperationsServer.StartAsync(engine, request.Port, request.AutoRemediate, cancellationToken: cancellationToken);
            return new OperationsService(engine, server);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }
}
