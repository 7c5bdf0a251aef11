using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet ops` command until its area lands.</summary>
internal static class OpsCommands
{
    public static Command Create() => new("ops", "Autonomous network operations (not built yet)");
}
