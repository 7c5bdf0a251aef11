using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Quanet.Planning.Geography;

/// <summary>Hexagonal (triangular-lattice) candidate grid: rows <c>spacing * sqrt(3)/2</c> apart, odd rows shifted by half a spacing.</summary>
public static class HexGrid
{
    private static readonly GeometryFactory Factory = new();

    /// <summary>Lattice points of the given spacing inside <paramref name="area"/> (plane metres), row by row from the south-west.</summary>
    /// <param name="area">The polygonal area in plane metres.</param>
    /// <param name="spacing">Distance between neighbouring points, metres; positive.</param>
    /// <param name="maxPoints">Refuse grids larger than this (a spacing too fine for the area).</param>
    /// <exception cref="ArgumentOutOfRangeException">Spacing not positive, or the grid would exceed <paramref name="maxPoints"/>.</exception>
    public static List<(double X, double Y)> Generate(Geometry area, double spacing, int maxPoints = 200_000)
    {
        ArgumentNullException.ThrowIfNull(area);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(spacing, 0);
        var env = area.EnvelopeInternal;
        var rowStep = spacing * Math.Sqrt(3) / 2;
        var estimate = (env.Width / spacing + 1) * (env.Height / rowStep + 1);
        if (estimate > maxPoints * 4.0)
        {
            throw new ArgumentOutOfRangeException(nameof(spacing), $"spacing {spacing / 1000:0.###} km gives about {estimate:0} grid points over the region; use a larger spacing");
        }

        var prepared = PreparedGeometryFactory.Prepare(area);
        var result = new List<(double, double)>();
        var row = 0;
        for (var y = env.MinY + (rowStep / 2); y <= env.MaxY; y += rowStep, row++)
        {
            var offset = (row & 1) == 1 ? spacing / 2 : 0;
            for (var x = env.MinX + offset + (spacing / 4); x <= env.MaxX; x += spacing)
            {
                if (prepared.Contains(Factory.CreatePoint(new Coordinate(x, y))))
                {
                    result.Add((x, y));
                    if (result.Count > maxPoints)
                    {
                        throw new ArgumentOutOfRangeException(nameof(spacing), $"spacing {spacing / 1000:0.###} km gives more than {maxPoints} candidates; use a larger spacing");
                    }
                }
            }
        }

        return result;
    }
}
