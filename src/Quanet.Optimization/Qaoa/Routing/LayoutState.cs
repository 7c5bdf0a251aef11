namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>The current placement during routing: logical to physical and back (-1 = no logical qubit).</summary>
internal sealed class LayoutState
{
    public LayoutState(int[] logicalToPhysical, int physicalCount)
    {
        LogicalToPhysical = (int[])logicalToPhysical.Clone();
        PhysicalToLogical = new int[physicalCount];
        Array.Fill(PhysicalToLogical, -1);
        for (var l = 0; l < logicalToPhysical.Length; l++)
        {
            PhysicalToLogical[logicalToPhysical[l]] = l;
        }
    }

    public int[] LogicalToPhysical { get; }

    public int[] PhysicalToLogical { get; }

    public void SwapPhysical(int a, int b)
    {
        var (la, lb) = (PhysicalToLogical[a], PhysicalToLogical[b]);
        (PhysicalToLogical[a], PhysicalToLogical[b]) = (lb, la);
        if (la >= 0)
        {
            LogicalToPhysical[la] = b;
        }

        if (lb >= 0)
        {
            LogicalToPhysical[lb] = a;
        }
    }

    /// <summary>
    /// The first <paramref name="count"/> qubits in breadth-first order from <paramref name="root"/>: a compact
    /// region to start a layout from.
    /// </summary>
    public static int[] Region(CouplingMap map, int root, int count)
    {
        var order = new List<int>(count) { root };
        var seen = new bool[map.QubitCount];
        seen[root] = true;
        for (var head = 0; head < order.Count && order.Count < count; head++)
        {
            foreach (var v in map.Neighbors(order[head]))
            {
                if (!seen[v] && order.Count < count)
                {
                    seen[v] = true;
                    order.Add(v);
                }
            }
        }

        return [.. order];
    }
}
