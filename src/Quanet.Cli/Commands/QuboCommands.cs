using System.CommandLine;
using Quanet.Cli.Commands.Qubo;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet qubo</c>: solve, convert and export QUBO / Ising models.</summary>
internal static class QuboCommands
{
    public static Command Create()
    {
        var command = new Command("qubo", "QUBO / Ising models: solve, convert between formats, export QAOA circuits, embed into annealer qubit graphs");
        command.Subcommands.Add(QuboSolveCommand.Create());
        command.Subcommands.Add(QuboConvertCommand.Create());
        command.Subcommands.Add(QuboQaoaCommand.Create());
        command.Subcommands.Add(QuboGateCommand.Create());
        command.Subcommands.Add(QuboFormulateCommand.Create());
        command.Subcommands.Add(QuboEmbedCommand.Create());
        return command;
    }
}
