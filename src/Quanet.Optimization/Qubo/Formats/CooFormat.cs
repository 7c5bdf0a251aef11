using System.Globalization;
using System.Text;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>
/// dimod's COO text format: one <c>i j bias</c> per line with 0-based integer variables
/// (<c>i == j</c> is a linear bias), and an optional header <c># vartype=BINARY|SPIN</c> (default BINARY).
/// </summary>
public static class CooFormat
{
    /// <summary>Reads a model from COO text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="vartype">The variable type, overriding the header's.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): the largest variable index
    /// is held to <see cref="FormatLimits.MaxVariables"/>.</param>
    /// <exception cref="InputFormatException">A line is not <c>i j bias</c>, or the input breaks a limit.</exception>
    public static BinaryQuadraticModel Parse(string text, string fileName, Vartype? vartype = null, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var reader = new FormatReader(fileName, text, limits ?? FormatLimits.Default);
        var resolved = vartype;
        var terms = new List<(int I, int J, double W)>();
        var maxIndex = -1;
        string? line;
        while ((line = reader.NextLine()) is not null)
        {
            if (line.StartsWith('#'))
            {
                var header = line.TrimStart('#').Trim();
                if (header.StartsWith("vartype=", StringComparison.OrdinalIgnoreCase))
                {
                    resolved ??= header["vartype=".Length..].Trim().ToUpperInvariant() switch
                    {
                        "BINARY" => Vartype.Binary,
                        "SPIN" => Vartype.Spin,
                        var other => throw reader.Error($"expected vartype=BINARY or vartype=SPIN, found '{FormatReader.Shorten(other)}'"),
                    };
                }

                continue;
            }

            var f = FormatReader.Fields(line);
            if (f.Length != 3)
            {
                throw reader.Error($"expected 'i j bias', found {f.Length} fields");
            }

            var i = reader.ParseInt(f[0], "variable i");
            var j = reader.ParseInt(f[1], "variable j");
            if (i < 0 || j < 0)
            {
                throw reader.Error($"variables are 0-based and non-negative, found {i} {j}");
            }

            // the model has a variable for every index up to the largest, named or not
            reader.RequireVariables(Math.Max(i, j) + 1L, "variables");
            terms.Add((i, j, reader.ParseDouble(f[2], "bias")));
            maxIndex = Math.Max(maxIndex, Math.Max(i, j));
        }

        var builder = new BqmBuilder(resolved ?? Vartype.Binary);
        builder.AddVariables(maxIndex + 1);
        foreach (var (i, j, w) in terms)
        {
            if (i == j)
            {
                builder.AddLinear(i, w);
            }
            else
            {
                builder.AddQuadratic(i, j, w);
            }
        }

        return FormatReader.RequireFinite(builder.Build(), fileName);
    }

    /// <summary>Reads a COO file, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit.</exception>
    public static BinaryQuadraticModel Read(string path, Vartype? vartype = null, FormatLimits? limits = null)
    {
        limits ??= FormatLimits.Default;
        return Parse(limits.ReadAllText(path), path, vartype, limits);
    }

    /// <summary>Writes <paramref name="model"/> as COO with a vartype header; variables by index (the offset is not representable and is dropped).</summary>
    public static string Format(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"# vartype={(model.Vartype == Vartype.Binary ? "BINARY" : "SPIN")}\n");
        for (var i = 0; i < model.VariableCount; i++)
        {
            if (model.Linear[i] != 0.0)
            {
                sb.Append(CultureInfo.InvariantCulture, $"{i} {i} {model.Linear[i]:R}\n");
            }
        }

        foreach (var (i, j, w) in model.Interactions())
        {
            sb.Append(CultureInfo.InvariantCulture, $"{i} {j} {w:R}\n");
        }

        return sb.ToString();
    }
}
