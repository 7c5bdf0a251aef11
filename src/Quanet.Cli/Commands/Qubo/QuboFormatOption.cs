using System.CommandLine;
using System.CommandLine.Parsing;
using Quanet.Cli.Infrastructure;
using Quanet.Optimization.Qubo.Formats;

namespace Quanet.Cli.Commands.Qubo;

/// <summary>Model-format options (<c>--format</c>, <c>--from</c>, <c>--to</c>) checked against the known format names.</summary>
internal static class QuboFormatOption
{
    /// <summary>The names <see cref="QuboFormats.ParseName"/> takes, as listed in errors.</summary>
    public const string Names = "gset, mqlib, dimod, coo, qbsolv, lp, braket";

    public static Option<string?> Create(string name, string description) =>
        new Option<string?>(name) { Description = description }
            .Must(v => v is null || Known(v), $"must be one of {Names}");

    /// <summary>The format named by <paramref name="name"/>, or when null the one <paramref name="path"/>'s extension implies.</summary>
    public static QuboFormat Resolve(string? name, string path) =>
        name is not null ? QuboFormats.ParseName(name) : QuboFormats.FromPath(path);

    /// <summary>Why no format follows from the extension of the file argument <paramref name="result"/>, or null when one does.</summary>
    /// <remarks>Reads the token, not the value: the value cannot be read once another validator (file not found) has failed.</remarks>
    public static string? PathProblem(ArgumentResult result)
    {
        if (result.Tokens.Count == 0)
        {
            return null;
        }

        try
        {
            QuboFormats.FromPath(Path.GetFullPath(result.Tokens[0].Value));
            return null;
        }
        catch (ArgumentException ex)
        {
            return ex.Message + " with --format";
        }
    }

    private static bool Known(string name)
    {
        try
        {
            QuboFormats.ParseName(name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
