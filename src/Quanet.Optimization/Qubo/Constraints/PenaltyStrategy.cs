namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>How <see cref="PenaltyWeights.Suggest"/> sizes the penalty weight.</summary>
public enum PenaltyStrategy
{
    /// <summary>
    /// The largest change of the objective one variable flip can make, max_i (|h_i| + sum_j |J_ij|), plus one:
    /// no single flip out of feasibility pays off. Small, so annealers keep moving; may allow infeasible ground
    /// states on adversarial objectives, which <see cref="ConstrainedQubo.Check"/> reports.
    /// </summary>
    Local,

    /// <summary>
    /// The objective's whole range bound, sum_i |h_i| + sum_ij |J_ij|, plus one: with integer constraints the ground
    /// state is feasible whenever a feasible state exists. Large: makes the landscape harder for samplers.
    /// </summary>
    Safe,
}
