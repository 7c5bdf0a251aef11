using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet plan` command until its area lands.</summary>
internal static class PlanCommand
{
    public static Command Create() => new("plan", "Plan tower sites for a region (not built yet)");
}
