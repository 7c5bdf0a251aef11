using System.Globalization;

namespace Quanet.Optimization.Qaoa.Routing;

public sealed partial class CouplingMap
{
    /// <summary>A path 0 - 1 - ... - (n-1).</summary>
    public static CouplingMap Line(int qubits)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qubits);
        return new CouplingMap($"line:{qubits}", qubits, Enumerable.Range(0, qubits - 1).Select(i => (i, i + 1)));
    }

    /// <summary>A rows x columns square grid, qubit = row * columns + column.</summary>
    public static CouplingMap Grid(int rows, int columns)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var edges = new List<(int, int)>();
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var q = (r * columns) + c;
                if (c + 1 < columns)
                {
                    edges.Add((q, q + 1));
                }

                if (r + 1 < rows)
                {
                    edges.Add((q, q + columns));
                }
            }
        }

        return new CouplingMap($"grid:{rows}x{columns}", rows * columns, edges);
    }

    /// <summary>
    /// A heavy-hex lattice (Chamberland, Zhu, Yoder, Hertzberg and Cross, PRX 10, 011022, 2020) laid out as IBM
    /// lays out its Falcon/Hummingbird/Eagle chips: <paramref name="rows"/> rows of <paramref name="width"/> qubits
    /// (a path each); between rows k and k+1 a bridge qubit couples column c of both rows for every
    /// c = 0, 4, 8, ... when k is even and c = 2, 6, 10, ... when k is odd. Numbering runs row by row, each
    /// row followed by its bridges in column order. Every hexagon has 12 qubits (6 corners, 6 on the edges).
    /// </summary>
    public static CouplingMap HeavyHex(int rows, int width) => HeavyHex(rows, width, trimCorners: false, $"heavy-hex:{rows}x{width}");

    /// <summary>
    /// IBM's 127-qubit Eagle (r1/r3: ibm_washington, ibm_sherbrooke, ibm_brisbane): <see cref="HeavyHex(int, int)"/>
    /// with 7 rows of 15, minus the last qubit of the first row and the first qubit of the last row, which would
    /// otherwise hang off the corners with one coupler. 127 qubits, 144 couplers; qubit numbers are IBM's
    /// (row 0 = 0..13, bridges 14..17 to row 1 = 18..32, ..., row 6 = 113..126).
    /// </summary>
    public static CouplingMap Eagle127() => HeavyHex(7, 15, trimCorners: true, "heavy-hex-127");

    /// <summary>
    /// Parses <c>heavy-hex-127</c> (or <c>eagle</c>), <c>heavy-hex:RxW</c>, <c>grid:RxC</c> or <c>line:N</c>;
    /// null with a reason when the text is none of these.
    /// </summary>
    public static CouplingMap? TryParse(string text, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(text);
        problem = null;
        var t = text.Trim().ToLowerInvariant();
        if (t is "heavy-hex-127" or "eagle" or "eagle-127")
        {
            return Eagle127();
        }

        var colon = t.IndexOf(':', StringComparison.Ordinal);
        var kind = colon < 0 ? t : t[..colon];
        var size = colon < 0 ? "" : t[(colon + 1)..];
        var parts = size.Split('x');
        var numbers = parts.Select(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v is > 0 and <= 1000 ? v : -1).ToArray();
        if (numbers.Any(v => v < 0))
        {
            problem = $"'{text}': expected heavy-hex-127, heavy-hex:RxW, grid:RxC or line:N with positive sizes up to 1000";
            return null;
        }

        CouplingMap? map = (kind, numbers.Length) switch
        {
            ("line", 1) when numbers[0] >= 2 => Line(numbers[0]),
            ("grid", 2) => Grid(numbers[0], numbers[1]),
            ("heavy-hex", 2) when numbers[1] >= 3 => HeavyHex(numbers[0], numbers[1]),
            _ => null,
        };
        if (map is null)
        {
            problem = $"'{text}': expected heavy-hex-127, heavy-hex:RxW (W >= 3), grid:RxC or line:N (N >= 2)";
        }
        else if (map.QubitCount > 4096)
        {
            problem = $"'{text}': {map.QubitCount} qubits, at most 4096";
            map = null;
        }

        return map;
    }

    private static CouplingMap HeavyHex(int rows, int width, bool trimCorners, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 3);
        var edges = new List<(int, int)>();
        var next = 0;
        var previousRow = new int[width];
        var bridges = new List<(int Qubit, int Column)>();
        for (var r = 0; r < rows; r++)
        {
            var row = new int[width];
            for (var c = 0; c < width; c++)
            {
                var dropped = trimCorners && rows > 1 && ((r == 0 && c == width - 1) || (r == rows - 1 && c == 0));
                row[c] = dropped ? -1 : next++;
                if (c > 0 && row[c] >= 0 && row[c - 1] >= 0)
                {
                    edges.Add((row[c - 1], row[c]));
                }
            }

            foreach (var (bridge, column) in bridges)
            {
                if (previousRow[column] >= 0 && row[column] >= 0)
                {
                    edges.Add((previousRow[column], bridge));
                    edges.Add((bridge, row[column]));
                }
            }

            bridges.Clear();
            if (r + 1 < rows)
            {
                for (var c = 2 * (r % 2); c < width; c += 4)
                {
                    bridges.Add((next++, c));
                }
            }

            previousRow = row;
        }

        return new CouplingMap(name, next, edges);
    }
}
