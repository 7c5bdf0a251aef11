namespace Quanet.Optimization.Qubo.Constraints;

/// <summary>How a constrained problem is turned into a QUBO (see docs/quantum.md, section qubo-formulations).</summary>
public enum QuboFormulation
{
    /// <summary>
    /// Inequalities become equalities with log-encoded slack bits and a squared penalty w (a·x + s − b)²; equalities
    /// are squared. With the problem's penalty rule the QUBO minimum is a feasible optimum.
    /// </summary>
    Slack,

    /// <summary>
    /// Unbalanced penalization (Montañez-Barrera, Willsch, Maldonado-Romo and Michielsen, Quantum Sci. Technol. 9,
    /// 025022, 2024): an inequality h(x) = b − a·x ≥ 0 costs w (−λ1 h + λ2 h²), no slack bits. Fewer variables and
    /// couplers; the QUBO minimum is not guaranteed to be feasible or optimal.
    /// </summary>
    Unbalanced,

    /// <summary>
    /// A constraint that some optimum meets with equality (a site count when more sites never hurt) is posed as the
    /// equality, squared without slack; the remaining inequalities keep slack bits. Same guarantee as <see cref="Slack"/>.
    /// For a problem without such a constraint it equals <see cref="Slack"/>.
    /// </summary>
    Equality,
}
