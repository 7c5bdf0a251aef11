namespace Quanet.Optimization.Hybrid;

/// <summary>
/// How a subproblem encodes the residual inequalities of its constraints (the outer loop always judges a sub-answer by
/// the exact energy <see cref="HybridModel.Energy"/>, so the sub-QUBO only has to be a good proposal). Write a residual
/// inequality as h(x) = h0 + Σ g·x ≥ 0 over the free variables, h ranging over [hmin, hmax]: hmin ≥ 0 always holds (a
/// constant 0) and hmax &lt; 0 never holds (a plain square) under every encoding.
/// </summary>
public enum HybridEncoding
{
    /// <summary>
    /// Slack-free. w·h(h − 1) (unbalanced penalization, Montañez-Barrera et al. 2024, with λ1 = λ2 = 1): 0 at h = 0 and
    /// h = 1, w·v(v + 1) for a violation by v. When hmax ≤ 1 (a set-cover row with one or two free columns, a site count
    /// the free sites can only meet or miss) it is exact on every feasible sub-state; when hmax ≥ 2 it also charges
    /// w·h(h − 1) on feasible sub-states with h ≥ 2 (a row covered three times), which the loop's exact energy ignores.
    /// </summary>
    SlackFree,

    /// <summary>w·h(h − 1) where it is exact (hmax ≤ 1), log-encoded slack bits elsewhere (exact everywhere, but moves cross penalty barriers).</summary>
    Mixed,

    /// <summary>Log-encoded slack bits for every residual inequality (the encoding of the full <c>ConstrainedQubo</c>; exact, with barriers).</summary>
    Slack,
    /// <summary>
    /// Maximal covering only (<c>HybridPlacementSolver</c>): site-only sub-QUBOs without coverage indicators or slack
    /// bits: each demand point the clamped sites leave uncovered is charged −w(Σx − Σ pairs x x) over its free coverers
    /// (exact with at most two of them chosen, more otherwise) and the site count is a squared equality.
    /// </summary>
    SiteCoverage,

    /// <summary>
    /// Set covering only (<c>HybridPlacementSolver</c>): column-only sub-QUBOs without slack bits: cost Σ c·x plus, for
    /// each row the clamped columns leave uncovered, P(1 − Σx + Σ pairs x x) over its free coverers (exact with one or
    /// two of them chosen, an over-charge of P(m − 1)(m − 2)/2 with m ≥ 3), P = 1 + the dearest free column.
    /// </summary>
    ColumnCover,
}
