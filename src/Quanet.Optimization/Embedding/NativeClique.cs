using System.Globalization;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// Native clique embeddings built from the Chimera triangle construction (as in Boothby, King and Roy, "Fast clique
/// minor generation in Chimera qubit connectivity graphs", 2016): in C(s, s, t) logical variable (i, k) takes the
/// vertical qubits (r, i, 0, k) for r ≤ i and the horizontal qubits (i, c, 1, k) for c ≥ i, so K_{st} embeds with
/// chains of s + 1 qubits. Pegasus P(m) and Zephyr Z(m, t) use it through their Chimera sublattices (dwave-networkx's
/// nice coordinates: C(m - 1, m - 1, 4) in P(m); the doubled-shore mapping: C(m, m, 2t) in Z(m, t)), which gives
/// K_{4(m-1)} and K_{2tm} — lower bounds, not the largest cliques those graphs embed.
/// </summary>
public static class NativeClique
{
    /// <summary>The size of the largest clique this construction embeds in <paramref name="target"/>.</summary>
    public static int LargestSize(HardwareGraph target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (s, t, _) = Layout(target);
        return s * t;
    }

    /// <summary>A native embedding of K_<paramref name="n"/> (labels "0", "1", ...) with chains of s + 1 qubits.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="n"/> exceeds <see cref="LargestSize"/>.</exception>
    public static MinorEmbedding Embed(int n, HardwareGraph target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var (s, t, map) = Layout(target);
        ArgumentOutOfRangeException.ThrowIfNegative(n);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, s * t);
        var chains = new List<IReadOnlyList<int>>(n);
        var labels = new List<string>(n);
        for (var v = 0; v < n; v++)
        {
            // spread the first variables over the shores before the rows, so small cliques use short corners
            var i = v / t;
            var k = v % t;
            var chain = new List<int>(s + 1);
            for (var r = 0; r <= i; r++)
            {
                chain.Add(map(r, i, 0, k));
            }

            for (var c = i; c < s; c++)
            {
                chain.Add(map(i, c, 1, k));
            }

            chain.Sort();
            chains.Add(chain);
            labels.Add(v.ToString(CultureInfo.InvariantCulture));
        }

        return new MinorEmbedding(target.Topology, labels, chains);
    }

    private static (int S, int T, Func<int, int, int, int, int> Map) Layout(HardwareGraph target)
    {
        var shape = target.Shape;
        switch (shape.Family)
        {
            case HardwareFamily.Chimera:
                return (Math.Min(shape.M, shape.N), shape.T, (i, j, u, k) => HardwareGraph.ChimeraIndex(shape.N, shape.T, i, j, u, k));
            case HardwareFamily.Pegasus:
                return (shape.M - 1, 4, (y, x, u, k) => PegasusQubit(shape.M, y, x, u, k));
            default:
                return (shape.M, 2 * shape.T, (y, x, u, k) => ZephyrQubit(shape.M, shape.T, y, x, u, k));
        }
    }

    // nice coordinate (0, y, x, u, k) is Pegasus (u, u ? y + 1 : x, 4 + k, u ? x : y)
    private static int PegasusQubit(int m, int y, int x, int u, int k)
    {
        var w = u == 1 ? y + 1 : x;
        var z = u == 1 ? x : y;
        return (((((u * m) + w) * 12) + 4 + k) * (m - 1)) + z;
    }

    // C(m, m, 2t) qubit (y, x, u, k) with k = wz t + kz is Zephyr (0, 2x + wz, kz, 0, y) or (1, 2y + wz, kz, 0, x)
    private static int ZephyrQubit(int m, int t, int y, int x, int u, int k)
    {
        var w = (2 * (u == 1 ? y : x)) + (k / t);
        var z = u == 1 ? x : y;
        return ((((((u * ((2 * m) + 1)) + w) * t) + (k % t)) * 2) * m) + z;
    }
}
