namespace Quanet.Planning.Geography;

/// <summary>
/// A bucket grid over planar points (CSR layout: one sorted run of point indices per cell) for radius queries in
/// O(points near the query) instead of scanning everything.
/// </summary>
public sealed class SpatialGrid
{
    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double _cell;
    private readonly double _minX;
    private readonly double _minY;
    private readonly int _cols;
    private readonly int _rows;
    private readonly int[] _start;
    private readonly int[] _items;

    /// <summary>Indexes the points (<paramref name="x"/>[i], <paramref name="y"/>[i]) with square cells of side <paramref name="cellSize"/> metres.</summary>
    public SpatialGrid(double[] x, double[] y, double cellSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cellSize, 0);
        if (x.Length != y.Length)
        {
            throw new ArgumentException("x and y lengths differ", nameof(y));
        }

        _x = x;
        _y = y;
        double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
        for (var i = 0; i < x.Length; i++)
        {
            minX = Math.Min(minX, x[i]);
            minY = Math.Min(minY, y[i]);
            maxX = Math.Max(maxX, x[i]);
            maxY = Math.Max(maxY, y[i]);
        }

        if (x.Length == 0)
        {
            minX = minY = maxX = maxY = 0;
        }

        _minX = minX;
        _minY = minY;

        // at most about 4000 x 4000 cells however small the requested cell
        _cell = Math.Max(cellSize, Math.Max(maxX - minX, maxY - minY) / 4000);
        _cols = (int)Math.Floor((maxX - minX) / _cell) + 1;
        _rows = (int)Math.Floor((maxY - minY) / _cell) + 1;
        _start = new int[(_cols * _rows) + 1];
        var cellOf = new int[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            cellOf[i] = CellIndex(x[i], y[i]);
            _start[cellOf[i] + 1]++;
        }

        for (var c = 0; c < _cols * _rows; c++)
        {
            _start[c + 1] += _start[c];
        }

        _items = new int[x.Length];
        var fill = (int[])_start.Clone();
        for (var i = 0; i < x.Length; i++)
        {
            _items[fill[cellOf[i]]++] = i;
        }
    }

    /// <summary>Adds to <paramref name="result"/> the indices of all points within <paramref name="radius"/> metres of (qx, qy).</summary>
    public void Query(double qx, double qy, double radius, List<int> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c0 = Math.Max(0, (int)Math.Floor((qx - radius - _minX) / _cell));
        var c1 = Math.Min(_cols - 1, (int)Math.Floor((qx + radius - _minX) / _cell));
        var r0 = Math.Max(0, (int)Math.Floor((qy - radius - _minY) / _cell));
        var r1 = Math.Min(_rows - 1, (int)Math.Floor((qy + radius - _minY) / _cell));
        var r2 = radius * radius;
        for (var r = r0; r <= r1; r++)
        {
            for (var c = c0; c <= c1; c++)
            {
                var cell = (r * _cols) + c;
                for (var k = _start[cell]; k < _start[cell + 1]; k++)
                {
                    var i = _items[k];
                    var dx = _x[i] - qx;
                    var dy = _y[i] - qy;
                    if ((dx * dx) + (dy * dy) <= r2)
                    {
                        result.Add(i);
                    }
                }
            }
        }
    }

    private int CellIndex(double x, double y)
    {
        var c = Math.Clamp((int)Math.Floor((x - _minX) / _cell), 0, _cols - 1);
        var r = Math.Clamp((int)Math.Floor((y - _minY) / _cell), 0, _rows - 1);
        return (r * _cols) + c;
    }
}
