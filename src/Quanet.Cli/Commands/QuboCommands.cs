using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet qubo` command until its area lands.</summary>
internal static class QuboCommands
{
    public static Command Create() => new("qubo", "QUBO / Ising models: solve and convert (not built yet)");
}
