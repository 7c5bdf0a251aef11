using Quanet.Defence.Simulation;

namespace Quanet.Workflows.Defence;

/// <summary>
/// The interconnect attack simulation: days of benign telemetry from the default scenario's partners with attacks of
/// known ground truth injected, run through the real parser, rules and response policy.
/// </summary>
public static class AttackSimulationWorkflow
{
    /// <summary>Runs <paramref name="request"/>; seeded, so the same request gives the same result.</summary>
    /// <param name="request">Days, attacks per kind and seed.</param>
    /// <param name="progress">Told the number of days simulated so far (of <see cref="AttackSimulationRequest.Days"/>).</param>
    /// <param name="cancellationToken">Checked once per simulated day.</param>
    /// <exception cref="ArgumentOutOfRangeException">Days below 1 or a negative number of attacks.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static AttackSimulationResult Run(AttackSimulationRequest request, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentOutOfRangeException.ThrowIfLessThan(request.Days, 1, nameof(request.Days));
        ArgumentOutOfRangeException.ThrowIfNegative(request.AttacksPerKind, nameof(request.AttacksPerKind));
        var options = new DefenceSimulationOptions { Days = request.Days, AttacksPerKind = request.AttacksPerKind, Seed = request.Seed };
        return new AttackSimulationResult(InterconnectAttackSimulation.Run(options, cancellationToken: cancellationToken, progress: progress));
    }
}
