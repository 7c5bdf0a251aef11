using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet qkd` command until its area lands.</summary>
internal static class QkdCommands
{
    public static Command Create() => new("qkd", "QKD key rates and simulation (not built yet)");
}
