namespace Quanet.Optimization.Embedding;

/// <summary>
/// A minor embedding: for each logical variable a chain of physical qubits (linear indices of the target graph).
/// Chains are indexed like the logical model's variables; <see cref="Labels"/> names them.
/// </summary>
public sealed class MinorEmbedding
{
    private readonly int[][] _chains;

    /// <summary>Creates an embedding; the chains are copied.</summary>
    /// <param name="topology">The target's topology string (<see cref="HardwareGraph.Topology"/>).</param>
    /// <param name="labels">Logical variable labels, one per chain.</param>
    /// <param name="chains">The chains, one per logical variable.</param>
    public MinorEmbedding(string topology, IReadOnlyList<string> labels, IReadOnlyList<IReadOnlyList<int>> chains)
    {
        ArgumentNullException.ThrowIfNull(topology);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(chains);
        if (labels.Count != chains.Count)
        {
            throw new ArgumentException($"{labels.Count} labels but {chains.Count} chains", nameof(chains));
        }

        Topology = topology;
        Labels = [.. labels];
        _chains = new int[chains.Count][];
        for (var i = 0; i < chains.Count; i++)
        {
            _chains[i] = [.. chains[i]];
        }
    }

    /// <summary>The target's topology string.</summary>
    public string Topology { get; }

    /// <summary>The logical variable labels.</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Number of chains (logical variables).</summary>
    public int Count => _chains.Length;

    /// <summary>The chain of logical variable <paramref name="variable"/>.</summary>
    public ReadOnlySpan<int> Chain(int variable) => _chains[variable];

    /// <summary>Total physical qubits used.</summary>
    public int QubitCount
    {
        get
        {
            var total = 0;
            foreach (var chain in _chains)
            {
                total += chain.Length;
            }

            return total;
        }
    }

    /// <summary>The longest chain's length (0 without chains).</summary>
    public int MaxChainLength
    {
        get
        {
            var max = 0;
            foreach (var chain in _chains)
            {
                max = Math.Max(max, chain.Length);
            }

            return max;
        }
    }
}
