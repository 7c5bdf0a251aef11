using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet backhaul` command until its area lands.</summary>
internal static class BackhaulCommand
{
    public static Command Create() => new("backhaul", "Design the fibre backhaul of a plan (not built yet)");
}
