using Quanet.Optimization.Collections;
using Quanet.Optimization.Sampling;

namespace Quanet.Optimization.Embedding;

/// <summary>
/// The working state of the Cai–Macready–Roy heuristic: one chain per logical vertex, a usage count per qubit, and
/// the re-embedding step — vertex-weighted shortest paths from every embedded neighbour's chain, the cheapest root,
/// and the union of the paths from that root as the new chain.
/// </summary>
internal sealed class ChainSearch
{
    private const int MaxExponent = 16;
    private readonly SourceGraph _source;
    private readonly HardwareGraph _target;
    private readonly int[] _usage;
    private readonly List<int>[] _chains;
    private readonly double[] _weight;
    private readonly double[] _history;
    private readonly List<double[]> _dist = [];
    private readonly List<int[]> _parent = [];
    private readonly List<int> _embeddedNeighbors = [];
    private readonly int[] _stamp;
    private readonly DistanceHeap<double> _heap = new();
    private int _stampValue;

    public ChainSearch(SourceGraph source, HardwareGraph target)
    {
        _source = source;
        _target = target;
        _usage = new int[target.IndexRange];
        _weight = new double[target.IndexRange];
        _history = new double[target.IndexRange];
        _stamp = new int[target.IndexRange];
        _chains = new List<int>[source.VertexCount];
        for (var v = 0; v < _chains.Length; v++)
        {
            _chains[v] = [];
        }
    }

    /// <summary>The base of the overlap penalty: a qubit used by c other chains weighs Beta^c.</summary>
    public double Beta { get; set; } = 2.0;

    /// <summary>When set, qubits used by other chains are forbidden (the chain-length improvement phase).</summary>
    public bool Exclusive { get; set; }




    /// <summary>Eccentricity of a middle qubit by breadth-first search: a cheap stand-in for the target's diameter.</summary>
    public int Eccentricity()
    {
        var qubits = _target.Qubits;
        var depth = new int[_target.IndexRange];
        Array.Fill(depth, -1);
        var queue = new int[qubits.Length];
        int head = 0, tail = 0, far = 0;
        queue[tail++] = qubits[qubits.Length / 2];
        depth[queue[0]] = 0;
        while (head < tail)
        {
            var q = queue[head++];
            far = Math.Max(far, depth[q]);
            foreach (var r in _target.Neighbors(q))
            {
                if (depth[r] < 0)
                {
                    depth[r] = depth[q] + 1;
                    queue[tail++] = r;
                }
            }
        }

        return far;
    }

    public List<int> ChainOf(int v) => _chains[v];

    /// <summary>
    /// Adds each shared qubit's excess use to its history. The history only prices attaching to a neighbour's chain at a
    /// shared qubit (see <c>ShortestPaths</c>), so chains learn to meet their neighbours away from qubits that stay contested.
    /// </summary>
    public void RecordCongestion()
    {
        foreach (var q in _target.Qubits)
        {
            if (_usage[q] > 1)
            {
                _history[q] += _usage[q] - 1;
            }
        }
    }

    /// <summary>Qubit overuse: the sum over qubits of (chains using it - 1) where positive.</summary>
    public long Overlap()
    {
        long overlap = 0;
        foreach (var q in _target.Qubits)
        {
            overlap += Math.Max(0, _usage[q] - 1);
        }

        return overlap;
    }

    public bool AllPlaced()
    {
        foreach (var chain in _chains)
        {
            if (chain.Count == 0)
            {
                return false;
            }
        }

        return true;
    }

    public long TotalQubits()
    {
        long total = 0;
        foreach (var chain in _chains)
        {
            total += chain.Count;
        }

        return total;
    }

    public void Remove(int v)
    {
        foreach (var q in _chains[v])
        {
            _usage[q]--;
        }

        _chains[v].Clear();
    }

    public void Place(int v, List<int> chain)
    {
        _chains[v].Clear();
        _chains[v].AddRange(chain);
        foreach (var q in chain)
        {
            _usage[q]++;
        }
    }

    /// <summary>Rips up the chain of <paramref name="v"/> and grows a new one; false (and no chain) when no root is reachable.</summary>
    public bool Reembed(int v, ref Xoshiro256 rng)
    {
        // while shortening (used qubits forbidden, a chain kept only when it is no longer) no path from a neighbour to
        // the root can be longer than the old chain, so each search stops there instead of sweeping the whole target
        var limit = Exclusive && _chains[v].Count > 0 ? (1.02 * _chains[v].Count) + 1.0 : double.PositiveInfinity;
        Remove(v);
        ComputeWeights(ref rng);
        _embeddedNeighbors.Clear();
        foreach (var u in _source.Neighbors(v))
        {
            if (_chains[u].Count > 0)
            {
                _embeddedNeighbors.Add(u);
            }
        }

        for (var s = _dist.Count; s < _embeddedNeighbors.Count; s++)
        {
            _dist.Add(new double[_target.IndexRange]);
            _parent.Add(new int[_target.IndexRange]);
        }

        for (var s = 0; s < _embeddedNeighbors.Count; s++)
        {
            ShortestPaths(_chains[_embeddedNeighbors[s]], _dist[s], _parent[s], limit);
        }

        var root = ChooseRoot(ref rng);
        if (root < 0)
        {
            return false;
        }

        var chain = _chains[v];
        _stampValue++;
        Add(chain, root);
        for (var s = 0; s < _embeddedNeighbors.Count; s++)
        {
            var parent = _parent[s];
            var x = root;
            while (parent[x] >= 0)
            {
                x = parent[x];
                if (parent[x] >= 0)
                {
                    Add(chain, x);
                }
            }
        }

        foreach (var q in chain)
        {
            _usage[q]++;
        }

        return true;
    }

    private void Add(List<int> chain, int q)
    {
        if (_stamp[q] != _stampValue)
        {
            _stamp[q] = _stampValue;
            chain.Add(q);
        }
    }

    private void ComputeWeights(ref Xoshiro256 rng)
    {
        Array.Fill(_weight, double.PositiveInfinity);
        foreach (var q in _target.Qubits)
        {
            var use = _usage[q];
            // the jitter (below 1 %) breaks ties between equal paths at random, so repeated re-embeds explore
            var jitter = 1.0 + (0.01 * rng.NextDouble());
            _weight[q] = Exclusive
                ? (use > 0 ? double.PositiveInfinity : jitter)
                : jitter * (use == 0 ? 1.0 : Math.Pow(Beta, Math.Min(use, MaxExponent)));
        }
    }

    private void ShortestPaths(List<int> sources, double[] dist, int[] parent, double limit)
    {
        Array.Fill(dist, double.PositiveInfinity);
        _heap.Clear();
        foreach (var q in sources)
        {
            // a chain qubit that other chains share is a dear place to attach to: leaving the chain there costs what
            // entering the qubit would cost without this chain, so a new chain prefers the chain's uncontested qubits
            var start = _usage[q] > 1 && !Exclusive ? (1.0 + _history[q]) * Math.Pow(Beta, Math.Min(_usage[q] - 1, MaxExponent)) : 0.0;
            dist[q] = start;
            parent[q] = -1;
            _heap.Push(q, start);
        }

        while (_heap.Count > 0)
        {
            var q = _heap.Pop(out var d);
            if (d > limit)
            {
                break;
            }

            if (d > dist[q])
            {
                continue;
            }

            foreach (var r in _target.Neighbors(q))
            {
                var nd = d + _weight[r];
                if (nd < dist[r])
                {
                    dist[r] = nd;
                    parent[r] = q;
                    _heap.Push(r, nd);
                }
            }
        }
    }

    private int ChooseRoot(ref Xoshiro256 rng)
    {
        var best = double.PositiveInfinity;
        var root = -1;
        var ties = 0;
        foreach (var q in _target.Qubits)
        {
            var w = _weight[q];
            if (double.IsPositiveInfinity(w))
            {
                continue;
            }

            var cost = w;
            for (var s = 0; s < _embeddedNeighbors.Count && cost <= best; s++)
            {
                var d = _dist[s][q];
                // each path's cost includes the root's weight: a shared root pays its overlap once per neighbour, as a
                // free root next to it pays the shared qubit once per path through it. Counting the root once made
                // the overlapped hubs where many paths meet the cheapest roots, and K_32 never got free of them
                cost += _parent[s][q] < 0 ? 0.0 : d;
            }

            if (double.IsPositiveInfinity(cost))
            {
                continue;
            }

            if (cost < best)
            {
                best = cost;
                root = q;
                ties = 1;
            }
            else if (cost == best && rng.NextInt(++ties) == 0)
            {
                root = q;
            }
        }

        return root;
    }
}
