using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet maxcut` command until its area lands.</summary>
internal static class MaxcutCommand
{
    public static Command Create() => new("maxcut", "Max-cut on a Gset / MQLib graph (not built yet)");
}
