using System.Globalization;
using System.Text;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>
/// The qbsolv <c>.qubo</c> format: comment lines start with <c>c</c>; the program line
/// <c>p qubo topology maxNodes nNodes nCouplers</c>; then nNodes lines <c>i i w</c> and nCouplers lines
/// <c>i j w</c> (i &lt; j), 0-based. Always a binary (QUBO) model.
/// </summary>
public static class QbsolvFormat
{
    /// <summary>Reads a model from qbsolv text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): maxNodes is held to
    /// <see cref="FormatLimits.MaxVariables"/>.</param>
    /// <exception cref="InputFormatException">The text breaks the format or a limit.</exception>
    public static BinaryQuadraticModel Parse(string text, string fileName, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new FormatReader(fileName, text, limits ?? FormatLimits.Default);
        var program = reader.NextLine("c") ?? throw reader.Error("empty file: expected 'p qubo topology maxNodes nNodes nCouplers'");
        var p = FormatReader.Fields(program);
        if (p.Length != 6 || p[0] != "p" || p[1] != "qubo")
        {
            throw reader.Error("expected the program line 'p qubo topology maxNodes nNodes nCouplers'");
        }

        var maxNodes = reader.ParseInt(p[3], "maxNodes");
        var nodes = reader.ParseInt(p[4], "nNodes");
        var couplers = reader.ParseInt(p[5], "nCouplers");
        if (maxNodes < 0 || nodes < 0 || couplers < 0)
        {
            throw reader.Error("maxNodes, nNodes and nCouplers must be non-negative");
        }

        reader.RequireVariables(maxNodes, "nodes (maxNodes)");

        // a long sum, as two int counts may overflow an int; nothing is allocated per declared line
        var lines = (long)nodes + couplers;
        var builder = new BqmBuilder(Vartype.Binary);
        builder.AddVariables(maxNodes);
        for (var k = 0; k < lines; k++)
        {
            var line = reader.NextLine("c") ?? throw reader.Error($"expected {nodes} node and {couplers} coupler lines, found only {k}");
            var f = FormatReader.Fields(line);
            if (f.Length != 3)
            {
                throw reader.Error($"expected 'i j w', found {f.Length} fields");
            }

            var i = reader.ParseInt(f[0], "node i");
            var j = reader.ParseInt(f[1], "node j");
            if (i < 0 || i >= maxNodes || j < 0 || j >= maxNodes)
            {
                throw reader.Error($"node out of range 0..{maxNodes - 1}: {i} {j}");
            }

            var isNode = k < nodes;
            if (isNode != (i == j))
            {
                throw reader.Error(isNode
                    ? $"expected a node line 'i i w' (line {k + 1} of {nodes} nodes), found couplers {i} {j}"
                    : $"expected a coupler line 'i j w' with i != j, found {i} {j}");
            }

            var w = reader.ParseDouble(f[2], "weight");
            if (isNode)
            {
                builder.AddLinear(i, w);
            }
            else
            {
                builder.AddQuadratic(i, j, w);
            }
        }

        if (reader.NextLine("c") is not null)
        {
            throw reader.Error($"more lines than the {nodes} nodes and {couplers} couplers announced");
        }

        return FormatReader.RequireFinite(builder.Build(), fileName);
    }

    /// <summary>Reads a qbsolv file, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The file breaks the format or a limit.</exception>
    public static BinaryQuadraticModel Read(string path, FormatLimits? limits = null)
    {
        limits ??= FormatLimits.Default;
        return Parse(limits.ReadAllText(path), path, limits);
    }

    /// <summary>Writes <paramref name="model"/> (converted to QUBO form) in qbsolv format; the format has no offset, so it goes into a comment only.</summary>
    public static string Format(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var qubo = model.ToQubo();
        var nodes = 0;
        foreach (var h in qubo.Linear)
        {
            nodes += h != 0.0 ? 1 : 0;
        }

        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"c written by Quanet; offset {qubo.Offset:R}\n");
        sb.Append(CultureInfo.InvariantCulture, $"p qubo 0 {qubo.VariableCount} {nodes} {qubo.InteractionCount}\n");
        for (var i = 0; i < qubo.VariableCount; i++)
        {
            if (qubo.Linear[i] != 0.0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{i} {i} {qubo.Linear[i]:R}\n");
            }
        }

        foreach (var (i, j, w) in qubo.Interactions())
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i} {j} {w:R}\n");
        }

        return sb.ToString();
    }
}
