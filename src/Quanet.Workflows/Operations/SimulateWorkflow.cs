using Quanet.Operations.Simulation;

namespace Quanet.Workflows.Operations;

/// <summary>
/// Simulates a network with injected faults of known ground truth through the real engine and scores
/// it against a baseline NOC; optionally records the event stream as NDJSON.
/// </summary>
public static class SimulateWorkflow
{
    /// <summary>Longest simulation, in hours (31 days).</summary>
    public const double MaxHours = 24 * 31;

    /// <summary>Runs the simulation described by <paramref name="request"/>.</summary>
    /// <param name="request">Network, duration, seed, fault mix and event log.</param>
    /// <param name="progress">Receives the simulated fraction done (0..1).</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>The measured report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="SimulateRequest.Hours"/> is outside (0, <see cref="MaxHours"/>].</exception>
    public static async Task<SimulationReport> RunAsync(SimulateRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(request.Hours, nameof(request));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.Hours, MaxHours, nameof(request));
        await using var log = request.EventsOutPath is { } path ? new StreamWriter(path) : null;
        var options = new SimulationOptions { Hours = request.Hours, Seed = request.Seed, Faults = request.Faults, EventLog = log };
        return await OperationsSimulator.RunAsync(request.Inventory, request.Topology, options, progress, cancellationToken);
    }
}
