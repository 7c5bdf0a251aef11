using System.Globalization;

namespace Quanet.Optimization.Embedding;

public sealed partial class HardwareGraph
{
    /// <summary>
    /// The Chimera graph C(m, n, t): an m-by-n grid of complete bipartite K_{t,t} tiles. Qubit (i, j, u, k) — tile
    /// row i, tile column j, shore u (0 vertical, 1 horizontal), index k in the shore — has the linear index
    /// ((i n + j) 2 + u) t + k. Couplers: inside a tile every u = 0 qubit to every u = 1 qubit; u = 0 qubits to the
    /// same k in the tiles above and below; u = 1 qubits to the same k in the tiles left and right.
    /// C(16, 16, 4) (D-Wave 2000Q) has 2048 qubits and 6016 couplers.
    /// </summary>
    /// <param name="m">Tile rows, at least 1.</param>
    /// <param name="n">Tile columns (default <paramref name="m"/>).</param>
    /// <param name="t">Shore size (default 4).</param>
    public static HardwareGraph Chimera(int m, int? n = null, int t = 4)
    {
        var cols = n ?? m;
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)m * cols * 2 * t, MaxIndexRange, nameof(m));
        var edges = new List<(int, int)>();
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < cols; j++)
            {
                for (var a = 0; a < t; a++)
                {
                    for (var b = 0; b < t; b++)
                    {
                        edges.Add((ChimeraIndex(cols, t, i, j, 0, a), ChimeraIndex(cols, t, i, j, 1, b)));
                    }

                    if (i + 1 < m)
                    {
                        edges.Add((ChimeraIndex(cols, t, i, j, 0, a), ChimeraIndex(cols, t, i + 1, j, 0, a)));
                    }

                    if (j + 1 < cols)
                    {
                        edges.Add((ChimeraIndex(cols, t, i, j, 1, a), ChimeraIndex(cols, t, i, j + 1, 1, a)));
                    }
                }
            }
        }

        var name = cols == m && t == 4
            ? string.Create(CultureInfo.InvariantCulture, $"chimera:{m}")
            : string.Create(CultureInfo.InvariantCulture, $"chimera:{m},{cols},{t}");
        return new HardwareGraph(name, m * cols * 2 * t, edges) { Shape = new(HardwareFamily.Chimera, m, cols, t) };
    }

    /// <summary>The linear index of Chimera qubit (row i, column j, shore u, index k) in a graph with n columns and shore t.</summary>
    public static int ChimeraIndex(int n, int t, int i, int j, int u, int k) => (((((i * n) + j) * 2) + u) * t) + k;
}
