namespace Quanet.Planning.Terrain;

/// <summary>
/// A regular latitude/longitude grid of heights (row 0 northmost, column 0 westmost; samples at the grid points,
/// voids as NaN), the in-memory form of every DEM file.
/// </summary>
internal sealed class ElevationGrid : IElevationModel
{
    /// <summary>The most samples one DEM may hold (600 MB as float32): more than four 1" SRTM tiles, less than the machine.</summary>
    public const long MaxCells = 150_000_000;

    private readonly float[] _heights;

    /// <param name="heights">Row-major heights, <paramref name="rows"/> x <paramref name="columns"/>, NaN for void.</param>
    /// <param name="rows">Rows (north to south), at least 2.</param>
    /// <param name="columns">Columns (west to east), at least 2.</param>
    /// <param name="north">Latitude of row 0, degrees.</param>
    /// <param name="west">Longitude of column 0, degrees.</param>
    /// <param name="latitudeStep">Degrees between rows, positive.</param>
    /// <param name="longitudeStep">Degrees between columns, positive.</param>
    /// <param name="description">For reports.</param>
    public ElevationGrid(float[] heights, int rows, int columns, double north, double west, double latitudeStep, double longitudeStep, string description)
    {
        ArgumentNullException.ThrowIfNull(heights);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 2);
        ArgumentOutOfRangeException.ThrowIfNotEqual(heights.Length, rows * columns);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(latitudeStep);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(longitudeStep);
        _heights = heights;
        Rows = rows;
        Columns = columns;
        North = north;
        West = west;
        LatitudeStep = latitudeStep;
        LongitudeStep = longitudeStep;
        Description = description;

        // the mean of the north-south and the east-west spacing at the grid's middle latitude
        var midLatitude = north - (0.5 * (rows - 1) * latitudeStep);
        var metresPerDegree = Quanet.Core.Geodesy.GreatCircle.EarthRadiusMetres * Math.PI / 180;
        SpacingMetres = 0.5 * metresPerDegree * (latitudeStep + (longitudeStep * Math.Cos(midLatitude * Math.PI / 180)));
    }

    public int Rows { get; }

    public int Columns { get; }

    public double North { get; }

    public double West { get; }

    public double LatitudeStep { get; }

    public double LongitudeStep { get; }

    public double South => North - ((Rows - 1) * LatitudeStep);

    public double East => West + ((Columns - 1) * LongitudeStep);

    public string Description { get; }

    public double SpacingMetres { get; }

    /// <summary>The sample at (<paramref name="row"/>, <paramref name="column"/>), NaN for void.</summary>
    public float Sample(int row, int column) => _heights[(row * Columns) + column];

    public double Height(double latitude, double longitude)
    {
        var y = (North - latitude) / LatitudeStep;
        var x = (longitude - West) / LongitudeStep;
        if (!(y >= 0 && y <= Rows - 1 && x >= 0 && x <= Columns - 1))
        {
            return double.NaN;
        }

        var r = Math.Min((int)y, Rows - 2);
        var c = Math.Min((int)x, Columns - 2);
        var fy = y - r;
        var fx = x - c;
        var i = (r * Columns) + c;
        double h00 = _heights[i], h01 = _heights[i + 1], h10 = _heights[i + Columns], h11 = _heights[i + Columns + 1];
        var w00 = (1 - fx) * (1 - fy);
        var w01 = fx * (1 - fy);
        var w10 = (1 - fx) * fy;
        var w11 = fx * fy;
        if (!double.IsNaN(h00 + h01 + h10 + h11))
        {
            return (w00 * h00) + (w01 * h01) + (w10 * h10) + (w11 * h11);
        }

        // a void corner: the weighted mean of the valid ones, so a void pixel does not spread over its neighbours
        double sum = 0, weight = 0;
        Accumulate(h00, w00, ref sum, ref weight);
        Accumulate(h01, w01, ref sum, ref weight);
        Accumulate(h10, w10, ref sum, ref weight);
        Accumulate(h11, w11, ref sum, ref weight);
        return weight > 0 ? sum / weight : double.NaN;
    }

    private static void Accumulate(double h, double w, ref double sum, ref double weight)
    {
        if (!double.IsNaN(h))
        {
            sum += w * h;
            weight += w;
        }
    }
}
