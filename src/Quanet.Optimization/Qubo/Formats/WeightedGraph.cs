namespace Quanet.Optimization.Qubo.Formats;

/// <summary>An undirected weighted graph as read from a Gset / MQLib file; vertices are 0-based.</summary>
public sealed class WeightedGraph
{
    /// <summary>Creates the graph; the arrays are kept.</summary>
    public WeightedGraph(int vertexCount, int[] from, int[] to, double[] weight)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(weight);
        if (from.Length != to.Length || from.Length != weight.Length)
        {
            throw new ArgumentException("edge arrays must have equal lengths");
        }

        VertexCount = vertexCount;
        From = from;
        To = to;
        Weight = weight;
    }

    /// <summary>Number of vertices.</summary>
    public int VertexCount { get; }

    /// <summary>Number of edges.</summary>
    public int EdgeCount => From.Length;

    /// <summary>First endpoint of each edge (0-based).</summary>
    public int[] From { get; }

    /// <summary>Second endpoint of each edge (0-based).</summary>
    public int[] To { get; }

    /// <summary>Weight of each edge.</summary>
    public double[] Weight { get; }

    /// <summary>Sum of all edge weights.</summary>
    public double TotalWeight
    {
        get
        {
            var total = 0.0;
            foreach (var w in Weight)
            {
                total += w;
            }

            return total;
        }
    }

    /// <summary>
    /// The max-cut Ising model: E(s) = sum_ij w_ij s_i s_j, so that cut(s) = (W - E(s)) / 2 where W is
    /// the total weight; minimising E maximises the cut. Parallel edges add up.
    /// </summary>
    public BinaryQuadraticModel ToMaxCutIsing()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        for (var v = 0; v < VertexCount; v++)
        {
            builder.AddVariable((v + 1).ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        for (var e = 0; e < EdgeCount; e++)
        {
            builder.AddQuadratic(From[e], To[e], Weight[e]);
        }

        return builder.Build();
    }

    /// <summary>The cut weight of a spin assignment (+1 / -1 sides).</summary>
    public double CutValue(ReadOnlySpan<sbyte> spins)
    {
        var cut = 0.0;
        for (var e = 0; e < EdgeCount; e++)
        {
            if (spins[From[e]] != spins[To[e]])
            {
                cut += Weight[e];
            }
        }

        return cut;
    }
}
