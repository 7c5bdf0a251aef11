using System.CommandLine;
using Quanet.Cli.Commands.Qkd;

namespace Quanet.Cli.Commands;

/// <summary>`quanet qkd`: analytic key rates and bit-level simulation of decoy-state BB84.</summary>
internal static class QkdCommands
{
    public static Command Create()
    {
        var command = new Command("qkd", "QKD key rates (decoy-state BB84, GLLP) and bit-level simulation");
        command.Subcommands.Add(QkdRateCommand.Create());
        command.Subcommands.Add(QkdSimulateCommand.Create());
        return command;
    }
}
