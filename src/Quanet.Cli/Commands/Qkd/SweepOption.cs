using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Quanet.Core.Units;

namespace Quanet.Cli.Commands.Qkd;

/// <summary><c>--sweep START:STOP:STEP</c> in km, parsed into the distances by the parser itself.</summary>
internal static class SweepOption
{
    /// <summary>The most points a sweep may have.</summary>
    public const int MaxPoints = 100_000;

    public static Option<IReadOnlyList<Kilometres>?> Create() => new("--sweep")
    {
        Description = "Distances START:STOP:STEP in km, e.g. 0:150:5",
        CustomParser = result => Parse(result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty, result),
    };

    private static IReadOnlyList<Kilometres>? Parse(string text, ArgumentResult result)
    {
        var parts = text.Split(':');
        var values = new double[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || !double.IsFinite(values[i]))
            {
                result.AddError($"--sweep must be START:STOP:STEP in km (got '{text}')");
                return null;
            }
        }

        if (parts.Length != 3 || values[0] < 0 || values[1] < values[0] || values[2] <= 0)
        {
            result.AddError($"--sweep must be START:STOP:STEP with 0 <= START <= STOP and STEP > 0 (got '{text}')");
            return null;
        }

        var count = (int)Math.Min(int.MaxValue, Math.Floor(((values[1] - values[0]) / values[2]) + 1e-9) + 1);
        if (count > MaxPoints)
        {
            result.AddError(string.Create(CultureInfo.InvariantCulture, $"--sweep must have at most {MaxPoints} points (got {count} from '{text}')"));
            return null;
        }

        return [.. Enumerable.Range(0, count).Select(i => new Kilometres(values[0] + (i * values[2])))];
    }
}
