namespace Quanet.Operations.Anomaly;

/// <summary>
/// The weights of one NAB application profile (<c>config/profiles.json</c>, key <c>CostMatrix</c>):
/// a true positive earns up to <see cref="TpWeight"/>, a missed window costs <see cref="FnWeight"/>,
/// a false positive costs up to <see cref="FpWeight"/>; NAB does not use <see cref="TnWeight"/>.
/// </summary>
/// <param name="TpWeight">Reward for detecting a window at its left edge.</param>
/// <param name="FpWeight">Cost of a detection outside every window (scaled by the distance to the previous window).</param>
/// <param name="FnWeight">Cost of a window without any detection.</param>
/// <param name="TnWeight">Carried for completeness; NAB's scorer ignores it.</param>
public readonly record struct NabCostMatrix(double TpWeight, double FpWeight, double FnWeight, double TnWeight);
