namespace Quanet.Optimization.Embedding;

/// <summary>
/// A D-Wave annealer's qubit graph (Chimera, Pegasus or Zephyr) with the vendor's published linear qubit indexing,
/// as dwave-networkx defines it. Qubits are integers in <c>[0, <see cref="IndexRange"/>)</c>; a linear index
/// that names no qubit of the graph (Pegasus qubits outside the fabric) is absent (<see cref="Contains"/>).
/// The adjacency is stored as CSR over the whole index range, neighbours sorted.
/// </summary>
public sealed partial class HardwareGraph
{
    private readonly int[] _rowStart;
    private readonly int[] _neighbors;
    private readonly bool[] _present;
    private readonly int[] _qubits;

    private HardwareGraph(string topology, int indexRange, List<(int P, int Q)> edges)
    {
        Topology = topology;
        IndexRange = indexRange;
        _present = new bool[indexRange];
        var degree = new int[indexRange + 1];
        foreach (var (p, q) in edges)
        {
            degree[p]++;
            degree[q]++;
            _present[p] = true;
            _present[q] = true;
        }

        _rowStart = new int[indexRange + 1];
        for (var i = 0; i < indexRange; i++)
        {
            _rowStart[i + 1] = _rowStart[i] + degree[i];
        }

        _neighbors = new int[_rowStart[indexRange]];
        var fill = (int[])_rowStart.Clone();
        foreach (var (p, q) in edges)
        {
            _neighbors[fill[p]++] = q;
            _neighbors[fill[q]++] = p;
        }

        var count = 0;
        for (var i = 0; i < indexRange; i++)
        {
            Array.Sort(_neighbors, _rowStart[i], _rowStart[i + 1] - _rowStart[i]);
            count += _present[i] ? 1 : 0;
        }

        _qubits = new int[count];
        for (int i = 0, k = 0; i < indexRange; i++)
        {
            if (_present[i])
            {
                _qubits[k++] = i;
            }
        }

        CouplerCount = _neighbors.Length / 2;
    }

    /// <summary>The topology in the CLI's notation, e.g. <c>chimera:16</c>, <c>pegasus:16</c>, <c>zephyr:15,4</c>.</summary>
    public string Topology { get; }

    /// <summary>One more than the largest linear index the family can name (2tmn, 24m(m-1), 4tm(2m+1)).</summary>
    public int IndexRange { get; }

    /// <summary>Number of qubits in the graph.</summary>
    public int QubitCount => _qubits.Length;

    /// <summary>Number of couplers (edges) in the graph.</summary>
    public int CouplerCount { get; }

    /// <summary>The qubits' linear indices, ascending.</summary>
    public ReadOnlySpan<int> Qubits => _qubits;

    /// <summary>Whether <paramref name="qubit"/> is a qubit of this graph.</summary>
    public bool Contains(int qubit) => (uint)qubit < (uint)IndexRange && _present[qubit];

    /// <summary>The neighbours of <paramref name="qubit"/>, ascending (empty for an absent index).</summary>
    public ReadOnlySpan<int> Neighbors(int qubit) =>
        Contains(qubit) ? _neighbors.AsSpan(_rowStart[qubit], _rowStart[qubit + 1] - _rowStart[qubit]) : [];

    /// <summary>Whether qubits <paramref name="p"/> and <paramref name="q"/> share a coupler.</summary>
    public bool AreCoupled(int p, int q) => Contains(p) && Contains(q) && Neighbors(p).BinarySearch(q) >= 0;

    /// <summary>Every coupler once as (p, q) with p &lt; q, ascending.</summary>
    public IEnumerable<(int P, int Q)> Couplers()
    {
        for (var p = 0; p < IndexRange; p++)
        {
            for (var k = _rowStart[p]; k < _rowStart[p + 1]; k++)
            {
                if (_neighbors[k] > p)
                {
                    yield return (p, _neighbors[k]);
                }
            }
        }
    }

    /// <inheritdoc/>
    public override string ToString() => $"{Topology} ({QubitCount} qubits, {CouplerCount} couplers)";
}
