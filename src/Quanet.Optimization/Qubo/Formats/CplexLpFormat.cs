using System.Globalization;
using System.Text;
using Quanet.Core;

namespace Quanet.Optimization.Qubo.Formats;

/// <summary>
/// CPLEX LP files holding an unconstrained quadratic objective over binary variables:
/// <c>Minimize</c>/<c>Maximize</c>, an objective with linear terms, a constant and a
/// <c>[ ... ] / 2</c> quadratic part, an empty <c>Subject To</c>, optional 0..1 <c>Bounds</c>,
/// <c>Binary</c> declarations and <c>End</c>. A maximisation objective is negated into a minimisation energy.
/// </summary>
public static class CplexLpFormat
{
    /// <summary>Reads a model from LP text.</summary>
    /// <param name="text">The file's text.</param>
    /// <param name="fileName">The name used in messages.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>): its length and the number
    /// of binary variables.</param>
    /// <exception cref="InputFormatException">The text is not such an LP file, or it breaks a limit; the message names the line.</exception>
    public static BinaryQuadraticModel Parse(string text, string fileName, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        limits ??= FormatLimits.Default;
        limits.RequireInputSize(text.Length, fileName);
        var model = new LpParser(LpTokenizer.Tokenize(text, fileName), fileName).Parse();
        limits.RequireVariables(model.VariableCount, fileName, 0, "binary variables");
        return FormatReader.RequireFinite(model, fileName);
    }

    /// <summary>Reads an LP file, within <paramref name="limits"/> (default <see cref="FormatLimits.Default"/>).</summary>
    /// <exception cref="InputFormatException">The file is not such an LP file, or it breaks a limit.</exception>
    public static BinaryQuadraticModel Read(string path, FormatLimits? limits = null)
    {
        limits ??= FormatLimits.Default;
        return Parse(limits.ReadAllText(path), path, limits);
    }

    /// <summary>Writes <paramref name="model"/> (converted to QUBO form) as a minimisation LP over binaries.</summary>
    public static string Format(BinaryQuadraticModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var qubo = model.ToQubo();
        var names = VariableNames(qubo);
        var sb = new StringBuilder();
        sb.Append("\\ QUBO written by Quanet\nMinimize\n obj:");
        var any = false;
        for (var i = 0; i < qubo.VariableCount; i++)
        {
            if (qubo.Linear[i] != 0.0)
            {
                AppendTerm(sb, qubo.Linear[i], names[i]);
                any = true;
            }
        }

        if (qubo.InteractionCount > 0)
        {
            sb.Append(" + [");
            var first = true;
            foreach (var (i, j, w) in qubo.Interactions())
            {
                // the bracket is halved by "/ 2", so each coefficient is doubled
                var c = 2 * w;
                sb.Append(first ? (c < 0 ? " -" : " ") : c < 0 ? " - " : " + ");
                sb.Append(CultureInfo.InvariantCulture, $"{Math.Abs(c):R} {names[i]} * {names[j]}");
                first = false;
            }

            sb.Append(" ] / 2");
            any = true;
        }

        if (qubo.Offset != 0.0 || !any)
        {
            sb.Append(qubo.Offset < 0 ? " - " : " + ");
            sb.Append(Math.Abs(qubo.Offset).ToString("R", CultureInfo.InvariantCulture));
        }

        sb.Append("\nSubject To\nBinaries\n");
        for (var i = 0; i < qubo.VariableCount; i++)
        {
            sb.Append(' ').Append(names[i]).Append('\n');
        }

        sb.Append("End\n");
        return sb.ToString();
    }

    private static void AppendTerm(StringBuilder sb, double coefficient, string name)
    {
        sb.Append(coefficient < 0 ? " - " : " + ");
        sb.Append(CultureInfo.InvariantCulture, $"{Math.Abs(coefficient):R} {name}");
    }

    private static string[] VariableNames(BinaryQuadraticModel model)
    {
        var names = new string[model.VariableCount];
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Length; i++)
        {
            var label = model.Labels[i];
            names[i] = IsValidName(label) && used.Add(label) ? label : $"x{i}";
            used.Add(names[i]);
        }

        return names;
    }

    private static bool IsValidName(string label)
    {
        if (label.Length == 0 || label.Length > 255 || !(char.IsLetter(label[0]) || label[0] == '_'))
        {
            return false;
        }

        foreach (var c in label)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c != '_' && c != '.')
            {
                return false;
            }
        }

        var lower = label.ToLowerInvariant();
        return lower is not ("st" or "end" or "bin" or "binary" or "binaries" or "bounds" or "free" or "inf" or "infinity" or "min" or "max" or "minimize" or "maximize");
    }
}
