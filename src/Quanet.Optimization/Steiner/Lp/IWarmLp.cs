namespace Quanet.Optimization.Steiner.Lp;

/// <summary>
/// A minimisation LP kept between solves: rows are added and deleted, bounds changed, and every solve starts
/// the dual simplex from the last basis (new rows enter with their slack basic, so the basis stays dual
/// feasible and a few pivots restore primal feasibility). Rows are numbered 0..RowCount-1 in the order
/// added; deleting rows renumbers the later ones down. Spans returned stay valid until the next call that
/// changes or solves the LP.
/// </summary>
internal interface IWarmLp : IDisposable
{
    /// <summary>Number of columns (fixed at creation).</summary>
    int ColumnCount { get; }

    /// <summary>Number of rows.</summary>
    int RowCount { get; }

    /// <summary>Simplex iterations of the last solve.</summary>
    int Iterations { get; }

    /// <summary>Objective value of the last solve.</summary>
    double Objective { get; }

    /// <summary>Column values of the last solve.</summary>
    ReadOnlySpan<double> Primal { get; }

    /// <summary>Row activities of the last solve.</summary>
    ReadOnlySpan<double> RowActivity { get; }

    /// <summary>Row duals of the last solve (for a minimisation, non-negative on a binding lower bound).</summary>
    ReadOnlySpan<double> Duals { get; }

    /// <summary>Column reduced costs of the last solve.</summary>
    ReadOnlySpan<double> ReducedCosts { get; }

    /// <summary>
    /// Appends rows given in compressed rows: row i has the entries <paramref name="starts"/>[i] up to
    /// <paramref name="starts"/>[i + 1] of <paramref name="columns"/> and <paramref name="elements"/>.
    /// </summary>
    void AddRows(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<double> elements);

    /// <summary>Deletes the rows listed (any order, no duplicates).</summary>
    void DeleteRows(ReadOnlySpan<int> rows);

    /// <summary>Sets a column's bounds (applied at the next solve).</summary>
    void SetColumnBounds(int column, double lower, double upper);

    /// <summary>Sets a row's bounds (applied at the next solve).</summary>
    void SetRowBounds(int row, double lower, double upper);

    /// <summary>Wall-clock seconds a solve may take (the caller's deadline); infinite by default.</summary>
    double TimeLimitSeconds { get; set; }

    /// <summary>Runs the dual simplex from the current basis, for at most <paramref name="maxIterations"/> pivots.</summary>
    LpStatus Solve(int maxIterations = int.MaxValue);

    /// <summary>Size of a basis (one entry per column and row).</summary>
    int BasisSize { get; }

    /// <summary>Copies the current basis into <paramref name="basis"/> (length at least <see cref="BasisSize"/>).</summary>
    void SaveBasis(Span<byte> basis);

    /// <summary>Restores a basis saved with the same rows.</summary>
    void RestoreBasis(ReadOnlySpan<byte> basis);
}
