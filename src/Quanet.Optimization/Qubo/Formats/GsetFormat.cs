using System.Globalization;
using System.Text;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Gset / MQLib max-cut graphs: first line <c>n m</c>, then m lines <c>i j w</c> with 1-based vertices.</summary>
public static class GsetFormat
{
    /// <summary>Reads a graph from <paramref name="text"/>; <paramref name="fileName"/> names it in errors.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): the vertex count is held to
    /// <see cref="FormatLimits.MaxVariables"/>.</param>
    /// <exception cref="InputFormatException">The text is not a valid Gset file or breaks a limit.</exception>
    public static WeightedGraph Parse(string text, string fileName, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new FormatReader(fileName, text, limits ?? FormatLimits.Default);
        var header = reader.NextLine("#", "%", "c ") ?? throw reader.Error("empty file: expected a header line 'n m'");
        var fields = FormatReader.Fields(header);
        if (fields.Length != 2)
        {
            throw reader.Error($"expected a header 'n m' (vertex and edge counts), found {fields.Length} fields");
        }

        var n = reader.ParseInt(fields[0], "the vertex count n");
        var m = reader.ParseInt(fields[1], "the edge count m");
        if (n <= 0 || m < 0)
        {
            throw reader.Error($"expected n > 0 and m >= 0, found n = {n}, m = {m}");
        }

        reader.RequireVariables(n, "vertices");

        // the shortest edge line is "1 2 1\n": storage grows with the edges read, never from m alone
        var capacity = reader.CapacityFor(m, 6);
        var from = new List<int>(capacity);
        var to = new List<int>(capacity);
        var weight = new List<double>(capacity);
        var magnitude = 0.0;
        for (var e = 0; e < m; e++)
        {
            var line = reader.NextLine("#", "%", "c ") ?? throw reader.Error($"expected {m} edges, found only {e}");
            var f = FormatReader.Fields(line);
            if (f.Length != 3)
            {
                throw reader.Error($"expected an edge 'i j w', found {f.Length} fields");
            }

            var i = reader.ParseInt(f[0], "vertex i");
            var j = reader.ParseInt(f[1], "vertex j");
            if (i < 1 || i > n || j < 1 || j > n)
            {
                throw reader.Error($"vertex out of range 1..{n}: {i} {j}");
            }

            if (i == j)
            {
                throw reader.Error($"self-loop on vertex {i} is not a valid max-cut edge");
            }

            var w = reader.ParseDouble(f[2], "edge weight w");
            from.Add(i - 1);
            to.Add(j - 1);
            weight.Add(w);
            magnitude += Math.Abs(w);
        }

        if (!double.IsFinite(magnitude))
        {
            // parallel edges add up in the max-cut model, and the cut sums weights
            throw FormatReader.NotFinite(fileName);
        }

        if (reader.NextLine("#", "%", "c ") is not null)
        {
            throw reader.Error($"more edge lines than the {m} announced in the header");
        }

        return new WeightedGraph(n, [.. from], [.. to], [.. weight]);
    }

    /// <summary>Reads a graph file, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The file is not a valid Gset file or breaks a limit.</exception>
    public static WeightedGraph Read(string path, FormatLimits? limits = null)
    {
        limits ??= FormatLimits.Default;
        return Parse(limits.ReadAllText(path), path, limits);
    }

    /// <summary>Writes <paramref name="graph"/> in Gset form.</summary>
    public static string Format(WeightedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{graph.VertexCount} {graph.EdgeCount}\n");
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{graph.From[e] + 1} {graph.To[e] + 1} {graph.Weight[e]:R}\n");
        }

        return sb.ToString();
    }

    /// <summary>
    /// The graph of a max-cut Ising model (no linear biases, offset 0): edge weights are the couplings.
    /// </summary>
    /// <exception cref="QuanetException">The model has linear biases or is not a spin model.</exception>
    public static WeightedGraph FromMaxCutIsing(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ising = model.ToIsing();
        foreach (var h in ising.Linear)
        {
            if (Math.Abs(h) > 1e-12)
            {
                throw new QuanetException("only an Ising model without linear biases is a max-cut graph (Gset)");
            }
        }

        var from = new List<int>();
        var to = new List<int>();
        var weight = new List<double>();
        foreach (var (i, j, w) in ising.Interactions())
        {
            from.Add(i);
            to.Add(j);
            weight.Add(w);
        }

        return new WeightedGraph(ising.VariableCount, [.. from], [.. to], [.. weight]);
    }
}
