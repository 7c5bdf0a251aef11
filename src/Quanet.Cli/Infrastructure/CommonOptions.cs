using System.CommandLine;

namespace Quanet.Cli.Infrastructure;

/// <summary>Options shared by many commands, created fresh per command so each carries its own description.</summary>
internal static class CommonOptions
{
    /// <summary>The recursive <c>--verbose</c> option on the root command: stack traces on errors.</summary>
    public static readonly Option<bool> Verbose = new("--verbose")
    {
        Description = "Show full exception details (stack traces) on errors",
        Recursive = true,
    };

    public static Option<bool> Json() => new("--json")
    {
        Description = "Print exactly one JSON document on stdout instead of tables",
    };

    public static Option<int> Seed(int defaultValue = 1) => new("--seed")
    {
        Description = "Random seed; the same seed gives the same result",
        DefaultValueFactory = _ => defaultValue,
    };

    public static Option<double> TimeLimit(double defaultSeconds) => new("--time")
    {
        Description = $"Time limit in seconds (default {defaultSeconds})",
        DefaultValueFactory = _ => defaultSeconds,
    };
}
