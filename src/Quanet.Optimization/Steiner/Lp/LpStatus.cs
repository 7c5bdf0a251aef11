namespace Quanet.Optimization.Steiner.Lp;

/// <summary>How a solve of an <see cref="IWarmLp"/> ended.</summary>
internal enum LpStatus
{
    /// <summary>Optimal: primal, duals and reduced costs are valid.</summary>
    Optimal,

    /// <summary>No point satisfies the rows and bounds.</summary>
    Infeasible,

    /// <summary>The iteration limit stopped the simplex; the objective is a dual simplex's intermediate (a lower bound when dual feasible).</summary>
    IterationLimit,

    /// <summary>Numerical trouble or an unbounded problem.</summary>
    Failed,
}
