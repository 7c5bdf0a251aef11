using Quanet.Core;
namespace Quanet.Optimization.Qubo.Formats;

/// <summary>Reads and writes models in any <see cref="QuboFormat"/>, guessing the format from the file name when not given.</summary>
public static class QuboFormats
{
    /// <summary>The format named by <paramref name="name"/> (gset, mqlib, dimod, json, coo, qbsolv, qubo, lp, braket).</summary>
    /// <exception cref="ArgumentException">Unknown name.</exception>
    public static QuboFormat ParseName(string name) => name.ToLowerInvariant() switch
    {
        "gset" or "mqlib" or "maxcut" => QuboFormat.Gset,
        "dimod" or "json" or "bqm" => QuboFormat.DimodJson,
        "coo" => QuboFormat.Coo,
        "qbsolv" or "qubo" => QuboFormat.Qbsolv,
        "lp" or "cplex" => QuboFormat.CplexLp,
        "braket" => QuboFormat.BraketAnnealing,
        _ => throw new ArgumentException($"unknown model format '{name}': expected gset, mqlib, dimod, coo, qbsolv, lp or braket"),
    };

    /// <summary>The format implied by <paramref name="path"/>'s extension.</summary>
    /// <exception cref="ArgumentException">The extension names no known format.</exception>
    public static QuboFormat FromPath(string path)
    {
        var file = Path.GetFileName(path).ToLowerInvariant();
        if (file.EndsWith(".braket.json", StringComparison.Ordinal))
        {
            return QuboFormat.BraketAnnealing;
        }

        return Path.GetExtension(file) switch
        {
            ".json" => QuboFormat.DimodJson,
            ".coo" => QuboFormat.Coo,
            ".qubo" => QuboFormat.Qbsolv,
            ".lp" => QuboFormat.CplexLp,
            ".txt" or ".gset" or ".mc" or ".graph" => QuboFormat.Gset,
            var ext => throw new ArgumentException($"cannot tell the model format of '{path}' from '{ext}': name the format"),
        };
    }

    /// <summary>Reads a model file; Gset graphs become their max-cut Ising model.</summary>
    /// <param name="path">The file.</param>
    /// <param name="format">The format, or null to tell it from the extension.</param>
    /// <param name="limits">Bounds on the input (default <see cref="FormatLimits.Default"/>).</param>
    /// <exception cref="InputFormatException">The file is malformed or breaks a limit.</exception>
    public static BinaryQuadraticModel Read(string path, QuboFormat? format = null, FormatLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new QuanetException($"{path}: file not found");
        }

        return (format ?? FromPath(path)) switch
        {
            QuboFormat.Gset => GsetFormat.Read(path, limits).ToMaxCutIsing(),
            QuboFormat.DimodJson => DimodJsonFormat.Read(path, limits),
            QuboFormat.Coo => CooFormat.Read(path, limits: limits),
            QuboFormat.Qbsolv => QbsolvFormat.Read(path, limits),
            QuboFormat.CplexLp => CplexLpFormat.Read(path, limits),
            QuboFormat.BraketAnnealing => throw new ArgumentException("the Braket annealing format is export only"),
            var f => throw new ArgumentOutOfRangeException(nameof(format), f, "unknown format"),
        };
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/>.</summary>
    public static void Write(BinaryQuadraticModel model, string path, QuboFormat? format = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        File.WriteAllText(path, Format(model, format ?? FromPath(path)));
    }

    /// <summary>The text of <paramref name="model"/> in <paramref name="format"/>.</summary>
    public static string Format(BinaryQuadraticModel model, QuboFormat format) => format switch
    {
        QuboFormat.Gset => GsetFormat.Format(GsetFormat.FromMaxCutIsing(model)),
        QuboFormat.DimodJson => DimodJsonFormat.Format(model),
        QuboFormat.Coo => CooFormat.Format(model),
        QuboFormat.Qbsolv => QbsolvFormat.Format(model),
        QuboFormat.CplexLp => CplexLpFormat.Format(model),
        QuboFormat.BraketAnnealing => BraketAnnealingFormat.Format(model),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown format"),
    };
}
