namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>
/// The multipliers of an unbalanced penalty w (−λ1 h + λ2 h²) on an inequality h(x) ≥ 0, relative to the
/// constraint's weight w. The default λ1 = λ2 = 1 gives w·h(h − 1): zero when the constraint is tight or one unit
/// loose, positive otherwise on integers, w·v(v + 1) for a violation by v.
/// </summary>
/// <param name="Lambda1">The linear multiplier λ1 (rewards slack in the constraint); non-negative.</param>
/// <param name="Lambda2">The quadratic multiplier λ2; positive.</param>
public readonly record struct UnbalancedPenalty(double Lambda1, double Lambda2)
{
    /// <summary>λ1 = λ2 = 1: see the type's summary for why.</summary>
    public static UnbalancedPenalty Default { get; } = new(1.0, 1.0);
}
