namespace Quanet.Optimization.Steiner.Reductions;

/// <summary>
/// Prim's minimum spanning tree of a small complete graph given by its distance matrix, in O(k²): the networks of the
/// extended star test (a grown tree's leaves under special distances, the terminals under shortest paths).
/// </summary>
internal static class DenseSpanningTree
{
    /// <summary>
    /// Grows the tree from vertex 0 of the <paramref name="k"/> x k matrix <paramref name="distance"/> (row by row):
    /// <paramref name="parent"/>[i] and <paramref name="parentDistance"/>[i] get vertex i's edge towards 0 (parent[0] is
    /// -1; a vertex no finite distance reaches hangs from 0 at long.MaxValue). Returns the tree's weight, long.MaxValue
    /// when it would reach that.
    /// </summary>
    public static long Build(ReadOnlySpan<long> distance, int k, Span<int> parent, Span<long> parentDistance)
    {
        Span<bool> inTree = k <= 1024 ? stackalloc bool[k] : new bool[k];
        parent[..k].Fill(0);
        parentDistance[..k].Fill(long.MaxValue);
        parent[0] = -1;
        parentDistance[0] = 0;
        long total = 0;
        for (var round = 0; round < k; round++)
        {
            var next = -1;
            for (var i = 0; i < k; i++)
            {
                if (!inTree[i] && (next < 0 || parentDistance[i] < parentDistance[next]))
                {
                    next = i;
                }
            }

            inTree[next] = true;
            total = parentDistance[next] >= long.MaxValue - total ? long.MaxValue : total + parentDistance[next];
            var row = distance.Slice(next * k, k);
            for (var i = 0; i < k; i++)
            {
                if (!inTree[i] && row[i] < parentDistance[i])
                {
                    parentDistance[i] = row[i];
                    parent[i] = next;
                }
            }
        }

        return total;
    }
}
