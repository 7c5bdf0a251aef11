using System.Globalization;
using Quanet.Optimization.Qubo;

namespace Quanet.Optimization.MaxCut;

/// <summary>
/// A weighted undirected graph for max-cut. Maximising the cut sum_{ij in cut} w_ij is minimising the
/// Ising energy E(s) = sum_{ij} w_ij s_i s_j, since cut(s) = (W - E(s)) / 2 with W the total weight.
/// </summary>
public sealed class MaxCutGraph
{
    private readonly (int I, int J, double Weight)[] _edges;

    /// <summary>Creates a graph over nodes 0..<paramref name="nodeCount"/>-1; parallel edges add up.</summary>
    /// <exception cref="ArgumentException">An edge is a self-loop or names a node out of range.</exception>
    public MaxCutGraph(int nodeCount, IEnumerable<(int I, int J, double Weight)> edges)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(nodeCount);
        ArgumentNullException.ThrowIfNull(edges);
        NodeCount = nodeCount;
        var list = new List<(int, int, double)>();
        foreach (var (i, j, w) in edges)
        {
            if ((uint)i >= (uint)nodeCount || (uint)j >= (uint)nodeCount)
            {
                throw new ArgumentException($"edge ({i}, {j}) names a node outside [0, {nodeCount})", nameof(edges));
            }

            if (i == j)
            {
                throw new ArgumentException($"edge ({i}, {j}) is a self-loop", nameof(edges));
            }

            list.Add((i, j, w));
            TotalWeight += w;
        }

        _edges = [.. list];
    }

    /// <summary>Number of nodes.</summary>
    public int NodeCount { get; }

    /// <summary>The edges as given (0-based).</summary>
    public IReadOnlyList<(int I, int J, double Weight)> Edges => _edges;

    /// <summary>Sum of all edge weights W.</summary>
    public double TotalWeight { get; }

    /// <summary>
    /// Reads a Gset / MQLib graph: a line <c>n m</c>, then m lines <c>i j w</c> with 1-based nodes.
    /// </summary>
    /// <exception cref="InputFormatException">The file is malformed (the message names file and line).</exception>
    public static MaxCutGraph ReadGset(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        using var reader = new StreamReader(path);
        return ReadGset(reader, path);
    }

    /// <summary>Reads a Gset / MQLib graph from <paramref name="reader"/>; <paramref name="name"/> names it in errors.</summary>
    /// <exception cref="InputFormatException">The text is malformed.</exception>
    public static MaxCutGraph ReadGset(TextReader reader, string name)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var line = 0;
        string? text;
        int n = -1, m = -1;
        var edges = new List<(int, int, double)>();
        while ((text = reader.ReadLine()) is not null)
        {
            line++;
            var parts = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0 || parts[0].StartsWith('#'))
            {
                continue;
            }

            if (n < 0)
            {
                if (parts.Length != 2 || !TryInt(parts[0], out n) || !TryInt(parts[1], out m) || n < 0 || m < 0)
                {
                    throw new InputFormatException(name, line, $"expected the header 'nodes edges' (two non-negative integers), found '{text.Trim()}'");
                }

                continue;
            }

            if (parts.Length != 3 || !TryInt(parts[0], out var i) || !TryInt(parts[1], out var j)
                || !double.TryParse(parts[2], NumberStyles.Float, CultureInfo.InvariantCulture, out var w) || !double.IsFinite(w))
            {
                throw new InputFormatException(name, line, $"expected an edge 'i j weight' (1-based integers, finite weight), found '{text.Trim()}'");
            }

            if (i < 1 || i > n || j < 1 || j > n)
            {
                throw new InputFormatException(name, line, $"edge ({i}, {j}) names a node outside 1..{n}");
            }

            if (i == j)
            {
                throw new InputFormatException(name, line, $"edge ({i}, {j}) is a self-loop");
            }

            if (edges.Count == m)
            {
                throw new InputFormatException(name, line, $"more edges than the {m} announced in the header");
            }

            edges.Add((i - 1, j - 1, w));
        }

        if (n < 0)
        {
            throw new InputFormatException(name, Math.Max(1, line), "empty file: expected the header 'nodes edges'");
        }

        if (edges.Count != m)
        {
            throw new InputFormatException(name, line, $"the header announces {m} edges but the file has {edges.Count}");
        }

        return new MaxCutGraph(n, edges);
    }

    /// <summary>The Ising model E(s) = sum w_ij s_i s_j (no fields) whose minimum is the maximum cut.</summary>
    public BinaryQuadraticModel ToIsing()
    {
        var builder = new BqmBuilder(Vartype.Spin);
        builder.AddVariables(NodeCount);
        foreach (var (i, j, w) in _edges)
        {
            builder.AddQuadratic(i, j, w);
        }

        return builder.Build();
    }

    /// <summary>The cut of a spin assignment: the weight of edges whose ends have opposite spins.</summary>
    public double Cut(ReadOnlySpan<sbyte> spins)
    {
        if (spins.Length != NodeCount)
        {
            throw new ArgumentException($"{spins.Length} spins for {NodeCount} nodes", nameof(spins));
        }

        var cut = 0.0;
        foreach (var (i, j, w) in _edges)
        {
            if (spins[i] != spins[j])
            {
                cut += w;
            }
        }

        return cut;
    }

    /// <summary>The cut corresponding to an Ising energy of <see cref="ToIsing"/>: (W - E) / 2.</summary>
    public double CutFromEnergy(double energy) => (TotalWeight - energy) / 2.0;

    /// <summary>The Ising energy corresponding to a cut value: W - 2 cut (use as a target energy).</summary>
    public double EnergyFromCut(double cut) => TotalWeight - (2.0 * cut);

    private static bool TryInt(string s, out int value) =>
        int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
}
