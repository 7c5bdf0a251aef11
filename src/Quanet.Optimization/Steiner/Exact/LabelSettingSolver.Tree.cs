using Quanet.Core;
using Quanet.Optimization.Steiner.Heuristics;

namespace Quanet.Optimization.Steiner.Exact;

/// <summary>Tree reconstruction of <see cref="LabelSettingSolver"/>.</summary>
internal sealed partial class LabelSettingSolver
{
    /// <summary>
    /// The tree of the best complete label: the edges its labels were built from plus the shortest path
    /// from its node to the root, re-spanned and pruned (never dearer than the label).
    /// </summary>
    private int[] Reconstruct(int best)
    {
        var nodeMask = (1L << _nodeBits) - 1;
        var mask = new bool[_g.NodeCount];
        var nodes = new List<int>();
        void Mark(int v)
        {
            if (!mask[v])
            {
                mask[v] = true;
                nodes.Add(v);
            }
        }

        var stack = new Stack<int>();
        stack.Push(best);
        while (stack.Count > 0)
        {
            var id = stack.Pop();
            var v = (int)(_key[id] & nodeMask);
            var set = _key[id] >> _nodeBits;
            Mark(v);
            if (_pred[id] >= 0)
            {
                var u = _g.Other(_pred[id], v);
                stack.Push(Lookup(u, set));
            }
            else if (_pred[id] == MergePred)
            {
                stack.Push(Lookup(v, _predMask[id]));
                stack.Push(Lookup(v, set ^ _predMask[id]));
            }
        }

        for (var v = (int)(_key[best] & nodeMask); _rootPred[v] >= 0; v = _g.Other(_rootPred[v], v))
        {
            Mark(_g.Other(_rootPred[v], v));
        }

        var edges = new List<int>();
        var cost = TreeOps.Build(new TreeWorkspace(_g), mask, nodes, edges);
        if (cost < 0 || cost > _upper)
        {
            throw new QuanetException($"dynamic programme reconstruction failed: tree cost {cost}, label cost {_upper}");
        }

        _upper = cost;
        return [.. edges];
    }

    private int Lookup(int v, long set)
    {
        var id = FindLabel((set << _nodeBits) | (uint)v);
        return id >= 0 ? id : throw new QuanetException($"dynamic programme label ({v}, {set}) missing during reconstruction");
    }
}
