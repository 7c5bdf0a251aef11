using System.Globalization;

namespace Quanet.Optimization.Embedding;

public sealed partial class HardwareGraph
{
    // dwave-networkx's default offsets (offsets_index 0): S0 shifts vertical, S1 horizontal qubits.
    private static readonly int[] VerticalOffsets = [2, 2, 2, 2, 10, 10, 10, 10, 6, 6, 6, 6];
    private static readonly int[] HorizontalOffsets = [6, 6, 6, 6, 2, 2, 2, 2, 10, 10, 10, 10];

    /// <summary>
    /// The Pegasus graph P(m) with dwave-networkx's default offsets. Qubit (u, w, k, z) — orientation u, major
    /// offset w in [0, m), minor offset k in [0, 12), parallel offset z in [0, m - 1) — has the linear index
    /// ((u m + w) 12 + k)(m - 1) + z. Couplers: external (u, w, k, z)~(u, w, k, z + 1); odd (u, w, 2k, z)~(u, w, 2k + 1, z);
    /// internal (0, w, k, z)~(1, z + [k' &lt; S0[k]], k', w - [k &lt; S1[k']]).
    /// With <paramref name="fabricOnly"/> (the default, as in dwave-networkx and on Advantage) only the main
    /// connected fabric is kept: P(16) has 5640 qubits and 40484 couplers; the full graph has 24m(m-1) = 5760 qubits.
    /// Linear indices stay those of the full graph, so fabric-only graphs have gaps (<see cref="Contains"/>).
    /// </summary>
    /// <param name="m">Size parameter, at least 2.</param>
    /// <param name="fabricOnly">Keep only the main fabric (default true).</param>
    public static HardwareGraph Pegasus(int m, bool fabricOnly = true)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(m, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan((long)24 * m * (m - 1), MaxIndexRange, nameof(m));
        var m1 = m - 1;
        int[] start = fabricOnly ? [HorizontalOffsets.Min(), VerticalOffsets.Min()] : [0, 0];
        int[] end = fabricOnly ? [12 - HorizontalOffsets.Max(), 12 - VerticalOffsets.Max()] : [0, 0];
        bool Kept(int u, int w, int k) => (w != 0 || k >= start[u]) && (w != m1 || k < 12 - end[u]);
        int Index(int u, int w, int k, int z) => (((((u * m) + w) * 12) + k) * m1) + z;

        var edges = new List<(int, int)>();
        for (var u = 0; u < 2; u++)
        {
            for (var w = 0; w < m; w++)
            {
                for (var k = 0; k < 12; k++)
                {
                    if (!Kept(u, w, k))
                    {
                        continue;
                    }

                    for (var z = 0; z < m1; z++)
                    {
                        if (z + 1 < m1)
                        {
                            edges.Add((Index(u, w, k, z), Index(u, w, k, z + 1)));
                        }

                        if (k % 2 == 0)
                        {
                            edges.Add((Index(u, w, k, z), Index(u, w, k + 1, z)));
                        }
                    }
                }
            }
        }

        for (var w = 0; w < m; w++)
        {
            for (var k = 0; k < 12; k++)
            {
                for (var z = 0; z < m1; z++)
                {
                    for (var kk = 0; kk < 12; kk++)
                    {
                        var w1 = z + (kk < VerticalOffsets[k] ? 1 : 0);
                        var z1 = w - (k < HorizontalOffsets[kk] ? 1 : 0);
                        if (w1 < m && z1 >= 0 && z1 < m1 && Kept(0, w, k) && Kept(1, w1, kk))
                        {
                            edges.Add((Index(0, w, k, z), Index(1, w1, kk, z1)));
                        }
                    }
                }
            }
        }

        var name = string.Create(CultureInfo.InvariantCulture, $"pegasus:{m}") + (fabricOnly ? string.Empty : ",full");
        return new HardwareGraph(name, 24 * m * m1, edges) { Shape = new(HardwareFamily.Pegasus, m, m, 12) };
    }
}
