namespace Quanet.Optimization.Steiner.Heuristics;

/// <summary>Reusable arrays for the tree routines, so their loops do not allocate.</summary>
internal sealed class TreeWorkspace
{
    public TreeWorkspace(SteinerGraph graph)
    {
        Graph = graph;
        var n = graph.NodeCount;
        Dist = new long[n];
        Pred = new int[n];
        Flag = new bool[n];
        Degree = new int[n];
        Label = new int[n];
        Heap = new PriorityQueue<int, long>(Math.Max(16, n));
        EdgeMark = new bool[graph.EdgeCount];
    }

    public SteinerGraph Graph { get; }

    public long[] Dist { get; }

    public int[] Pred { get; }

    public bool[] Flag { get; }

    public int[] Degree { get; }

    public int[] Label { get; }

    public bool[] EdgeMark { get; }

    public PriorityQueue<int, long> Heap { get; }

    public List<int> Stack { get; } = [];
}
