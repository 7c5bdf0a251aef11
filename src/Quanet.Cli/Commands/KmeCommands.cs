using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet kme` command until its area lands.</summary>
internal static class KmeCommands
{
    public static Command Create() => new("kme", "ETSI GS QKD 014 key management entity (not built yet)");
}
