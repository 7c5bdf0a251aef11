using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Quanet.Core;
using Quanet.Planning.Geography;

namespace Quanet.Planning.Population;

/// <summary>
/// People summed onto square cells of the region's local projection (<see cref="LocalProjection"/>), cell (i, j)
/// covering x in [i c, (i + 1) c) and y in [j c, (j + 1) c) metres from the projection centre. Only cells that receive
/// people are held (a dictionary), so memory grows with the populated cells, not with the region's bounding box.
/// Each cell also keeps a label: the name of the place that gave it the most people, for maps and site names.
/// </summary>
internal sealed class CellGrid
{
    /// <summary>The most cells a grid may hold (about 100 MB): a finer cell size over a large region is refused.</summary>
    public const int MaxCells = 4_000_000;

    private static readonly GeometryFactory Factory = new();
    private readonly Dictionary<long, Cell> _cells = [];

    /// <summary>Creates an empty grid of <paramref name="cellSizeMetres"/> cells.</summary>
    public CellGrid(double cellSizeMetres)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(cellSizeMetres, 0);
        CellSize = cellSizeMetres;
    }

    /// <summary>Cell edge, metres.</summary>
    public double CellSize { get; }

    /// <summary>Cells holding people so far.</summary>
    public int Count => _cells.Count;

    /// <summary>People added so far.</summary>
    public double Total { get; private set; }

    /// <summary>The people in cell (<paramref name="i"/>, <paramref name="j"/>).</summary>
    public double PeopleIn(long i, long j) => _cells.TryGetValue(Key(i, j), out var cell) ? cell.People : 0;

    /// <summary>Adds <paramref name="people"/> to the cell holding plane point (x, y); <paramref name="label"/> competes for the cell's name by the people it brought.</summary>
    public void Add(double x, double y, double people, string? label = null)
    {
        var key = Key((long)Math.Floor(x / CellSize), (long)Math.Floor(y / CellSize));
        ref var cell = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_cells, key, out var existed);
        if (!existed && _cells.Count > MaxCells)
        {
            _cells.Remove(key);
            throw new QuanetException($"more than {MaxCells:N0} populated cells of {CellSize / 1000:0.###} km: use a larger cell size or a smaller region");
        }

        cell.People += people;
        Total += people;
        if (label is not null && people > cell.LabelPeople)
        {
            cell.Label = label;
            cell.LabelPeople = people;
        }
    }

    /// <summary>Names the cell holding (x, y) after <paramref name="label"/> if it holds people and has no label yet.</summary>
    public void LabelIfEmpty(double x, double y, string label)
    {
        var key = Key((long)Math.Floor(x / CellSize), (long)Math.Floor(y / CellSize));
        if (_cells.TryGetValue(key, out var cell) && cell.Label is null)
        {
            _cells[key] = cell with { Label = label };
        }
    }

    /// <summary>
    /// The cells with people as demand points at their centres (weight = people), in a fixed order (column, then row);
    /// with <paramref name="clip"/>, only cells whose centre lies inside the projected outline (NTS prepared geometry).
    /// </summary>
    public (List<DemandPoint> Points, double PeopleOutside) ToDemand(LocalProjection projection, Geometry? clip)
    {
        var prepared = clip is null ? null : PreparedGeometryFactory.Prepare(clip);
        var keys = new List<long>(_cells.Keys);
        keys.Sort();
        var points = new List<DemandPoint>(keys.Count);
        var outside = 0.0;
        foreach (var key in keys)
        {
            var cell = _cells[key];
            if (!(cell.People > 0))
            {
                continue;
            }

            var (i, j) = (key >> 32, (long)(int)key);
            var (x, y) = ((i + 0.5) * CellSize, (j + 0.5) * CellSize);
            if (prepared is not null && !prepared.Contains(Factory.CreatePoint(new Coordinate(x, y))))
            {
                outside += cell.People;
                continue;
            }

            var id = string.Create(CultureInfo.InvariantCulture, $"cell {i},{j}");
            points.Add(new DemandPoint(id, cell.Label ?? id, cell.People, projection.Inverse(x, y)));
        }

        return (points, outside);
    }

    // j in the low 32 bits; sorting the keys orders by i (west to east), then j
    private static long Key(long i, long j) => (i << 32) | (uint)(int)j;

    private record struct Cell(double People, string? Label, double LabelPeople);
}
