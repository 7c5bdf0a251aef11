using System.Globalization;

namespace Quanet.Optimization.Embedding;

public sealed partial class HardwareGraph
{
    /// <summary>
    /// The Zephyr graph Z(m, t). Qubit (u, w, k, j, z) — orientation u, major offset w in [0, 2m], secondary offset
    /// k in [0, t), minor offset j in {0, 1}, parallel offset z in [0, m) — has the linear index
    /// (((u (2m + 1) + w) t + k) 2 + j) m + z. Couplers: external (u, w, k, j, z)~(u, w, k, j, z + 1); odd
    /// (u, w, k, 0, z)~(u, w, k, 1, z - a) for a in {0, 1}; internal
    /// (0, 2w + 1 + a(2i - 1), k, j, z)~(1, 2z + 1 + b(2j - 1), h, i, w) for w, z in [0, m), h, k in [0, t), i, j, a, b in {0, 1}.
    /// It has 4tm(2m + 1) qubits and 2t((8t + 8)m² - 2m - 3) couplers (m &gt; 1); Z(15, 4) has 7440 and 71736.
    /// </summary>
    /// <param name="m">Grid parameter, at least 1.</param>
    /// <param name="t">Tile parameter (default 4).</param>
    public static HardwareGraph Zephyr(int m, int t = 4)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(t, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)4 * t * m * ((2 * m) + 1), MaxIndexRange, nameof(m));
        var big = (2 * m) + 1;
        int Index(int u, int w, int k, int j, int z) => (((((((u * big) + w) * t) + k) * 2) + j) * m) + z;

        var edges = new List<(int, int)>();
        for (var u = 0; u < 2; u++)
        {
            for (var w = 0; w < big; w++)
            {
                for (var k = 0; k < t; k++)
                {
                    for (var z = 0; z < m; z++)
                    {
                        for (var j = 0; j < 2 && z + 1 < m; j++)
                        {
                            edges.Add((Index(u, w, k, j, z), Index(u, w, k, j, z + 1)));
                        }

                        edges.Add((Index(u, w, k, 0, z), Index(u, w, k, 1, z)));
                        if (z > 0)
                        {
                            edges.Add((Index(u, w, k, 0, z), Index(u, w, k, 1, z - 1)));
                        }
                    }
                }
            }
        }

        for (var w = 0; w < m; w++)
        {
            for (var z = 0; z < m; z++)
            {
                for (var h = 0; h < t; h++)
                {
                    for (var k = 0; k < t; k++)
                    {
                        for (var bits = 0; bits < 16; bits++)
                        {
                            int i = bits & 1, j = (bits >> 1) & 1, a = (bits >> 2) & 1, b = (bits >> 3) & 1;
                            edges.Add((Index(0, (2 * w) + 1 + (a * ((2 * i) - 1)), k, j, z), Index(1, (2 * z) + 1 + (b * ((2 * j) - 1)), h, i, w)));
                        }
                    }
                }
            }
        }

        var name = t == 4
            ? string.Create(CultureInfo.InvariantCulture, $"zephyr:{m}")
            : string.Create(CultureInfo.InvariantCulture, $"zephyr:{m},{t}");
        return new HardwareGraph(name, 4 * t * m * big, edges) { Shape = new(HardwareFamily.Zephyr, m, m, t) };
    }
}
