using System.Globalization;
using Quanet.Core;
using Quanet.Core.Text;

namespace Quanet.Optimization.Embedding;

public sealed partial class HardwareGraph
{
    /// <summary>The largest linear index range a generated graph may have (a guard against typos such as chimera:16000).</summary>
    public const int MaxIndexRange = 2_000_000;

    /// <summary>The family and size parameters this graph was generated from.</summary>
    public HardwareShape Shape { get; private init; }

    /// <summary>
    /// Builds the graph a topology string names: <c>chimera:M[,N[,T]]</c>, <c>pegasus:M</c> (fabric only) or
    /// <c>pegasus:M,full</c>, <c>zephyr:M[,T]</c>.
    /// </summary>
    /// <exception cref="QuanetException">The string names no supported topology (the message says what was expected).</exception>
    public static HardwareGraph Parse(string topology)
    {
        var problem = Problem(topology, out var build);
        return problem is null ? build!() : throw new QuanetException(problem);
    }

    /// <summary>What is wrong with <paramref name="topology"/> as a topology string, or null when it is valid.</summary>
    public static string? Problem(string? topology) => Problem(topology, out _);

    private static string? Problem(string? topology, out Func<HardwareGraph>? build)
    {
        build = null;
        const string Expected = "expected chimera:M[,N[,T]], pegasus:M[,full] or zephyr:M[,T]";
        var text = topology?.Trim() ?? string.Empty;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return $"topology '{Printable.Escape(text)}' is not understood; {Expected}";
        }

        var family = text[..colon].ToLowerInvariant();
        var parts = text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries);
        var full = family == "pegasus" && parts.Length == 2 && parts[1].Equals("full", StringComparison.OrdinalIgnoreCase);
        var numbers = new int[full ? 1 : parts.Length];
        for (var i = 0; i < numbers.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1)
            {
                return $"topology '{Printable.Escape(text)}': '{Printable.Escape(parts[i])}' is not a positive integer";
            }
        }

        long range;
        switch (family)
        {
            case "chimera" when numbers.Length <= 3:
                var n = numbers.Length > 1 ? numbers[1] : numbers[0];
                var t = numbers.Length > 2 ? numbers[2] : 4;
                range = 2L * numbers[0] * n * t;
                build = () => Chimera(numbers[0], n, t);
                break;
            case "pegasus" when numbers.Length == 1:
                if (numbers[0] < 2)
                {
                    return $"topology '{text}': Pegasus needs M >= 2";
                }

                range = 24L * numbers[0] * (numbers[0] - 1);
                build = () => Pegasus(numbers[0], !full);
                break;
            case "zephyr" when numbers.Length <= 2:
                var tz = numbers.Length > 1 ? numbers[1] : 4;
                range = 4L * tz * numbers[0] * ((2L * numbers[0]) + 1);
                build = () => Zephyr(numbers[0], tz);
                break;
            default:
                return $"topology '{Printable.Escape(text)}' is not understood; {Expected}";
        }

        if (range > MaxIndexRange)
        {
            build = null;
            return $"topology '{text}' has {range} qubit indices, more than the {MaxIndexRange} supported";
        }

        return null;
    }
}
