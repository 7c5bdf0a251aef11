using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.Embedding;

/// <summary>A logical interaction graph in CSR form (neighbours sorted, no self loops, no duplicates).</summary>
internal sealed class SourceGraph
{
    private SourceGraph(int[] rowStart, int[] neighbors, IReadOnlyList<string> labels)
    {
        RowStart = rowStart;
        Adjacency = neighbors;
        Labels = labels;
    }

    public int[] RowStart { get; }

    public int[] Adjacency { get; }

    public IReadOnlyList<string> Labels { get; }

    public int VertexCount => RowStart.Length - 1;

    public int EdgeCount => Adjacency.Length / 2;

    public ReadOnlySpan<int> Neighbors(int v) => Adjacency.AsSpan(RowStart[v], RowStart[v + 1] - RowStart[v]);

    public static SourceGraph Of(BinaryQuadraticModel model) =>
        new(model.RowStart.ToArray(), model.Neighbors.ToArray(), model.Labels);

    public static SourceGraph Of(int vertexCount, IEnumerable<(int U, int V)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(vertexCount);
        var sets = new SortedSet<int>[vertexCount];
        for (var i = 0; i < vertexCount; i++)
        {
            sets[i] = [];
        }

        foreach (var (u, v) in edges)
        {
            if ((uint)u >= (uint)vertexCount || (uint)v >= (uint)vertexCount)
            {
                throw new ArgumentOutOfRangeException(nameof(edges), $"edge ({u}, {v}) names a vertex outside [0, {vertexCount})");
            }

            if (u != v)
            {
                sets[u].Add(v);
                sets[v].Add(u);
            }
        }

        var rowStart = new int[vertexCount + 1];
        for (var i = 0; i < vertexCount; i++)
        {
            rowStart[i + 1] = rowStart[i] + sets[i].Count;
        }

        var adjacency = new int[rowStart[vertexCount]];
        for (var i = 0; i < vertexCount; i++)
        {
            sets[i].CopyTo(adjacency, rowStart[i]);
        }

        var labels = new string[vertexCount];
        for (var i = 0; i < vertexCount; i++)
        {
            labels[i] = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return new SourceGraph(rowStart, adjacency, labels);
    }
}
