namespace Quanet.Optimization.Steiner.Lp;

/// <summary>
/// <see cref="IWarmLp"/> over COIN-OR CLP's C interface. Bounds are mirrored in managed arrays and handed to
/// CLP in one call per solve when changed; the arrays grow by doubling, so a separation loop allocates only
/// when the LP reaches a new size.
/// </summary>
internal sealed unsafe class ClpLp : IWarmLp
{
    private readonly ClpHandle _model;
    private readonly double[] _columnLower;
    private readonly double[] _columnUpper;
    private double[] _rowLower = new double[64];
    private double[] _rowUpper = new double[64];
    private bool[] _deleted = new bool[64];
    private bool _columnsChanged;
    private bool _rowsChanged;
    private int _iterations;
    private bool _solved;

    /// <summary>Creates the LP min objective·x, lower ≤ x ≤ upper, no rows yet.</summary>
    /// <exception cref="DllNotFoundException">CLP is not installed (check <see cref="ClpLibrary.Available"/> first).</exception>
    public ClpLp(ReadOnlySpan<double> objective, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper)
    {
        if (objective.Length != lower.Length || lower.Length != upper.Length)
        {
            throw new ArgumentException("objective and bounds differ in length");
        }

        if (!ClpLibrary.Available)
        {
            throw new DllNotFoundException(ClpLibrary.Reason);
        }

        ColumnCount = objective.Length;
        _columnLower = lower.ToArray();
        _columnUpper = upper.ToArray();
        _model = ClpNative.Clp_newModel();
        if (_model.IsInvalid)
        {
            throw new InvalidOperationException("Clp_newModel returned null");
        }

        ClpNative.Clp_setLogLevel(_model, 0);
        var starts = new int[ColumnCount + 1];
        fixed (double* obj = objective, lo = _columnLower, up = _columnUpper)
        fixed (int* start = starts)
        {
            double none = 0;
            int noIndex = 0;
            ClpNative.Clp_loadProblem(_model, ColumnCount, 0, start, &noIndex, &none, lo, up, obj, null, null);
        }
    }

    public int ColumnCount { get; }

    public int RowCount { get; private set; }

    public int Iterations => _iterations;

    public double Objective => ClpNative.Clp_objectiveValue(_model);

    public ReadOnlySpan<double> Primal => new(ClpNative.Clp_getColSolution(_model), ColumnCount);

    public ReadOnlySpan<double> RowActivity => new(ClpNative.Clp_getRowActivity(_model), RowCount);

    public ReadOnlySpan<double> Duals => new(ClpNative.Clp_dualRowSolution(_model), RowCount);

    public ReadOnlySpan<double> ReducedCosts => new(ClpNative.Clp_getReducedCost(_model), ColumnCount);

    public int BasisSize => ColumnCount + RowCount;

    public double TimeLimitSeconds { get; set; } = double.PositiveInfinity;

    /// <summary>
    /// Whether the first solve uses CLP's initial solve (presolve, crash, its own choice of simplex; not sliced by
    /// the iteration limit) instead of the dual simplex from the slack basis, which on the cut LP of instance173
    /// took 0.4 CPU s against more than four minutes.
    /// </summary>
    /// <value>True.</value>
    public bool InitialSolve { get; set; } = true;

    public void AddRows(ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, ReadOnlySpan<int> starts, ReadOnlySpan<int> columns, ReadOnlySpan<double> elements)
    {
        var count = lower.Length;
        if (count == 0)
        {
            return;
        }

        if (upper.Length != count || starts.Length < count + 1 || columns.Length < starts[count] || elements.Length < starts[count])
        {
            throw new ArgumentException("row arrays disagree in length");
        }

        Grow(RowCount + count);
        lower.CopyTo(_rowLower.AsSpan(RowCount));
        upper.CopyTo(_rowUpper.AsSpan(RowCount));
        fixed (double* lo = lower, up = upper, el = elements)
        fixed (int* st = starts, col = columns)
        {
            ClpNative.Clp_addRows(_model, count, lo, up, st, col, el);
        }

        RowCount += count;
    }

    public void DeleteRows(ReadOnlySpan<int> rows)
    {
        if (rows.Length == 0)
        {
            return;
        }

        foreach (var r in rows)
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)r, (uint)RowCount, nameof(rows));
            _deleted[r] = true;
        }

        fixed (int* which = rows)
        {
            ClpNative.Clp_deleteRows(_model, rows.Length, which);
        }

        var kept = 0;
        for (var r = 0; r < RowCount; r++)
        {
            if (_deleted[r])
            {
                _deleted[r] = false;
                continue;
            }

            _rowLower[kept] = _rowLower[r];
            _rowUpper[kept] = _rowUpper[r];
            kept++;
        }

        RowCount = kept;
    }

    public void SetColumnBounds(int column, double lower, double upper)
    {
        if (_columnLower[column] != lower || _columnUpper[column] != upper)
        {
            _columnLower[column] = lower;
            _columnUpper[column] = upper;
            _columnsChanged = true;
        }
    }

    public void SetRowBounds(int row, double lower, double upper)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)row, (uint)RowCount, nameof(row));
        if (_rowLower[row] != lower || _rowUpper[row] != upper)
        {
            _rowLower[row] = lower;
            _rowUpper[row] = upper;
            _rowsChanged = true;
        }
    }

    public LpStatus Solve(int maxIterations = int.MaxValue)
    {
        if (_columnsChanged)
        {
            fixed (double* lo = _columnLower, up = _columnUpper)
            {
                ClpNative.Clp_chgColumnLower(_model, lo);
                ClpNative.Clp_chgColumnUpper(_model, up);
            }

            _columnsChanged = false;
        }

        if (_rowsChanged)
        {
            fixed (double* lo = _rowLower, up = _rowUpper)
            {
                ClpNative.Clp_chgRowLower(_model, lo);
                ClpNative.Clp_chgRowUpper(_model, up);
            }

            _rowsChanged = false;
        }

        ClpNative.Clp_setNumberIterations(_model, 0);
        ClpNative.Clp_setMaximumIterations(_model, maxIterations);
        ClpNative.Clp_setMaximumSeconds(_model, double.IsFinite(TimeLimitSeconds) ? Math.Max(0.01, TimeLimitSeconds) : -1.0);
        if (InitialSolve && !_solved)
        {
            ClpNative.Clp_setMaximumIterations(_model, int.MaxValue);
            ClpNative.Clp_initialSolve(_model);
        }
        else
        {
            ClpNative.Clp_dual(_model, 0);
        }

        _solved = true;
        _iterations = ClpNative.Clp_numberIterations(_model);
        var status = ClpNative.Clp_status(_model);
        if (status == 4)
        {
            // Dual simplex gave up on numerics: the primal simplex from the same basis usually finishes.
            ClpNative.Clp_setNumberIterations(_model, 0);
            ClpNative.Clp_primal(_model, 0);
            _iterations += ClpNative.Clp_numberIterations(_model);
            status = ClpNative.Clp_status(_model);
        }

        return status switch
        {
            0 => LpStatus.Optimal,
            1 => LpStatus.Infeasible,
            3 => LpStatus.IterationLimit,
            _ => LpStatus.Failed,
        };
    }

    public void SaveBasis(Span<byte> basis)
    {
        var size = BasisSize;
        new ReadOnlySpan<byte>(ClpNative.Clp_statusArray(_model), size).CopyTo(basis);
    }

    public void RestoreBasis(ReadOnlySpan<byte> basis)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(basis.Length, BasisSize, nameof(basis));
        fixed (byte* b = basis)
        {
            ClpNative.Clp_copyinStatus(_model, b);
        }
    }

    public void Dispose() => _model.Dispose();

    private void Grow(int rows)
    {
        if (rows <= _rowLower.Length)
        {
            return;
        }

        var size = Math.Max(rows, 2 * _rowLower.Length);
        Array.Resize(ref _rowLower, size);
        Array.Resize(ref _rowUpper, size);
        Array.Resize(ref _deleted, size);
    }
}
