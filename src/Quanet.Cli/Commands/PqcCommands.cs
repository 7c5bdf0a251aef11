using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet pqc` command until its area lands.</summary>
internal static class PqcCommands
{
    public static Command Create() => new("pqc", "Post-quantum cryptography: ML-KEM and ML-DSA (not built yet)");
}
