using Quanet.Optimization.Steiner.Lp;

namespace Quanet.Optimization.Tests.Steiner.Lp;

/// <summary>
/// CLP through <see cref="ClpLp"/> on an LP solved by hand: min x + y subject to x + 2y ≥ 2 and 3x + y ≥ 3,
/// 0 ≤ x, y ≤ 10. Both rows bind at (4/5, 3/5), objective 7/5; the duals u solve u1 + 3 u2 = 1 and
/// 2 u1 + u2 = 1, so u = (2/5, 1/5).
/// </summary>
public sealed class ClpLpTests
{
    private const double Tolerance = 1e-9;

    private static ClpLp TinyLp()
    {
        var lp = new ClpLp([1.0, 1.0], [0.0, 0.0], [10.0, 10.0]);
        lp.AddRows([2.0, 3.0], [double.PositiveInfinity, double.PositiveInfinity], [0, 2, 4], [0, 1, 0, 1], [1.0, 2.0, 3.0, 1.0]);
        return lp;
    }

    [RequiresClpFact]
    public void Solves_the_tiny_lp_with_the_hand_computed_primal_and_duals()
    {
        using var lp = TinyLp();

        var status = lp.Solve();

        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(1.4, lp.Objective, Tolerance);
        Assert.Equal(0.8, lp.Primal[0], Tolerance);
        Assert.Equal(0.6, lp.Primal[1], Tolerance);
        Assert.Equal(0.4, lp.Duals[0], Tolerance);
        Assert.Equal(0.2, lp.Duals[1], Tolerance);
        Assert.Equal(2.0, lp.RowActivity[0], Tolerance);
        Assert.Equal(0.0, lp.ReducedCosts[0], Tolerance);
    }

    [RequiresClpFact]
    public void Adding_a_row_re_solves_warm_and_deleting_it_restores_the_optimum()
    {
        using var lp = TinyLp();
        lp.Solve();

        // x ≥ 1: then x + 2y ≥ 2 binds at (1, 1/2), objective 3/2, duals (1/2 on row 0, 1/2 on the new row).
        lp.AddRows([1.0], [double.PositiveInfinity], [0, 1], [0], [1.0]);
        var added = lp.Solve();

        Assert.Equal(LpStatus.Optimal, added);
        Assert.Equal(3, lp.RowCount);
        Assert.Equal(1.5, lp.Objective, Tolerance);
        Assert.Equal(0.5, lp.Duals[0], Tolerance);
        Assert.Equal(0.0, lp.Duals[1], Tolerance);
        Assert.Equal(0.5, lp.Duals[2], Tolerance);
        Assert.InRange(lp.Iterations, 0, 2);

        lp.DeleteRows([2]);
        var deleted = lp.Solve();

        Assert.Equal(LpStatus.Optimal, deleted);
        Assert.Equal(2, lp.RowCount);
        Assert.Equal(1.4, lp.Objective, Tolerance);
        Assert.Equal(0.8, lp.Primal[0], Tolerance);
    }

    [RequiresClpFact]
    public void A_bound_change_gives_the_hand_computed_reduced_cost()
    {
        using var lp = TinyLp();
        lp.Solve();

        // y ≤ 1/2: x + 2y ≥ 2 forces x ≥ 1, so (1, 1/2) with objective 3/2; only row 0 binds, u1 = 1, and y's
        // reduced cost is 1 - 2 u1 = -1 at its upper bound.
        lp.SetColumnBounds(1, 0.0, 0.5);
        var status = lp.Solve();

        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(1.5, lp.Objective, Tolerance);
        Assert.Equal(1.0, lp.Primal[0], Tolerance);
        Assert.Equal(0.5, lp.Primal[1], Tolerance);
        Assert.Equal(-1.0, lp.ReducedCosts[1], Tolerance);
    }

    [RequiresClpFact]
    public void Row_bounds_change_and_infeasibility_is_reported()
    {
        using var lp = TinyLp();
        lp.Solve();

        // x + 2y ≥ 40 cannot hold with x, y ≤ 10.
        lp.SetRowBounds(0, 40.0, double.PositiveInfinity);

        Assert.Equal(LpStatus.Infeasible, lp.Solve());

        lp.SetRowBounds(0, 2.0, double.PositiveInfinity);

        Assert.Equal(LpStatus.Optimal, lp.Solve());
        Assert.Equal(1.4, lp.Objective, Tolerance);
    }

    [RequiresClpFact]
    public void A_saved_basis_restores_the_optimum_without_pivots()
    {
        using var lp = TinyLp();
        lp.Solve();
        var basis = new byte[lp.BasisSize];
        lp.SaveBasis(basis);
        lp.SetColumnBounds(0, 0.0, 0.5);
        lp.Solve();

        lp.SetColumnBounds(0, 0.0, 10.0);
        lp.RestoreBasis(basis);
        var status = lp.Solve();

        Assert.Equal(LpStatus.Optimal, status);
        Assert.Equal(1.4, lp.Objective, Tolerance);
        Assert.Equal(0, lp.Iterations);
    }
}
