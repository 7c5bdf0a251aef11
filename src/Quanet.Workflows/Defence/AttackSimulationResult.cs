using Quanet.Defence.Simulation;

namespace Quanet.Workflows.Defence;

/// <summary>The simulation's report and the rates derived from it.</summary>
/// <param name="Report">Detection, containment, false positives and customer traffic lost, with one outcome per attack.</param>
public sealed record AttackSimulationResult(DefenceSimulationReport Report)
{
    /// <summary>False isolations scaled to a 30-day month.</summary>
    public double FalseIsolationsPerMonth => Report.FalseIsolations * 30.0 / Report.Days;
}
