namespace Quanet.Optimization.Qaoa.Routing;

/// <summary>
/// The undirected coupling graph of a device: which physical qubit pairs can run a two-qubit gate.
/// Shortest-path distances (in edges) are computed once by breadth-first search.
/// </summary>
public sealed partial class CouplingMap
{
    private readonly int[][] _neighbors;
    private readonly bool[] _coupled;
    private readonly int[] _distance;

    /// <summary>A coupling map on <paramref name="qubitCount"/> qubits with the given undirected edges.</summary>
    /// <exception cref="ArgumentException">An edge is a loop, repeated, or names a qubit outside the map.</exception>
    public CouplingMap(string name, int qubitCount, IEnumerable<(int A, int B)> edges)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(edges);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qubitCount);
        Name = name;
        QubitCount = qubitCount;
        _coupled = new bool[qubitCount * qubitCount];
        var list = new List<(int, int)>();
        var adjacency = new List<int>[qubitCount];
        for (var q = 0; q < qubitCount; q++)
        {
            adjacency[q] = [];
        }

        foreach (var (a, b) in edges)
        {
            if (a < 0 || b < 0 || a >= qubitCount || b >= qubitCount || a == b || _coupled[(a * qubitCount) + b])
            {
                throw new ArgumentException($"bad or repeated edge ({a}, {b}) on {qubitCount} qubits", nameof(edges));
            }

            _coupled[(a * qubitCount) + b] = _coupled[(b * qubitCount) + a] = true;
            list.Add((Math.Min(a, b), Math.Max(a, b)));
            adjacency[a].Add(b);
            adjacency[b].Add(a);
        }

        Edges = list;
        _neighbors = [.. adjacency.Select(l => l.Order().ToArray())];
        _distance = Distances();
    }

    /// <summary>The map's name, e.g. <c>heavy-hex-127</c> or <c>grid:4x4</c>.</summary>
    public string Name { get; }

    /// <summary>Number of physical qubits.</summary>
    public int QubitCount { get; }

    /// <summary>The undirected edges, each once with the smaller qubit first.</summary>
    public IReadOnlyList<(int A, int B)> Edges { get; }

    /// <summary>Whether qubits <paramref name="a"/> and <paramref name="b"/> share an edge.</summary>
    public bool AreCoupled(int a, int b) => _coupled[(a * QubitCount) + b];

    /// <summary>The neighbours of <paramref name="qubit"/>, ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int qubit) => _neighbors[qubit];

    /// <summary>The number of edges on a shortest path; <see cref="int.MaxValue"/> when disconnected.</summary>
    public int Distance(int a, int b) => _distance[(a * QubitCount) + b];

    /// <summary>Whether every qubit can reach every other.</summary>
    public bool IsConnected => _distance.All(d => d != int.MaxValue);

    private int[] Distances()
    {
        var n = QubitCount;
        var distance = new int[n * n];
        Array.Fill(distance, int.MaxValue);
        var queue = new int[n];
        for (var s = 0; s < n; s++)
        {
            var (head, tail) = (0, 0);
            queue[tail++] = s;
            distance[(s * n) + s] = 0;
            while (head < tail)
            {
                var u = queue[head++];
                foreach (var v in _neighbors[u])
                {
                    if (distance[(s * n) + v] == int.MaxValue)
                    {
                        distance[(s * n) + v] = distance[(s * n) + u] + 1;
                        queue[tail++] = v;
                    }
                }
            }
        }

        return distance;
    }
}
