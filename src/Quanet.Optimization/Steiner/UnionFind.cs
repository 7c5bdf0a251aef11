namespace Quanet.Optimization.Steiner;

/// <summary>
/// Disjoint sets over 0..n-1 held in a caller's parent array (<c>parent[v] == v</c> for a root), for the
/// Kruskal-style merges of the Steiner heuristics, reductions and checks; no allocation per call.
/// </summary>
internal static class UnionFind
{
    /// <summary>Makes every element of <paramref name="parent"/> its own set.</summary>
    public static void Reset(Span<int> parent)
    {
        for (var i = 0; i < parent.Length; i++)
        {
            parent[i] = i;
        }
    }

    /// <summary>The root of <paramref name="v"/>'s set, halving the path on the way.</summary>
    public static int Find(Span<int> parent, int v)
    {
        while (parent[v] != v)
        {
            parent[v] = parent[parent[v]];
            v = parent[v];
        }

        return v;
    }
}
