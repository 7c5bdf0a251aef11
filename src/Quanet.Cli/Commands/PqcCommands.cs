using System.CommandLine;
using Quanet.Cli.Commands.Pqc;

namespace Quanet.Cli.Commands;

/// <summary>`quanet pqc`: ML-KEM and ML-DSA key generation, encapsulation and signatures.</summary>
internal static class PqcCommands
{
    public static Command Create()
    {
        var command = new Command("pqc", "Post-quantum cryptography: ML-KEM (FIPS 203) and ML-DSA (FIPS 204)");
        command.Subcommands.Add(PqcKeygenCommand.Create());
        command.Subcommands.Add(PqcKemCommands.Encaps());
        command.Subcommands.Add(PqcKemCommands.Decaps());
        command.Subcommands.Add(PqcSignatureCommands.Sign());
        command.Subcommands.Add(PqcSignatureCommands.Verify());
        return command;
    }
}
