using System.CommandLine;
using Quanet.Cli.Commands.Ops;

namespace Quanet.Cli.Commands;

/// <summary>The <c>quanet ops</c> commands: autonomous network operations.</summary>
internal static class OpsCommands
{
    public static Command Create()
    {
        var command = new Command("ops", "Autonomous network operations: VES ingestion, alarm correlation, runbooks, measured outcome");
        command.Subcommands.Add(OpsSimulateAttack.Extend(OpsSimulateCommand.Create()));
        command.Subcommands.Add(OpsServeCommand.Create());
        command.Subcommands.Add(OpsReplayCommand.Create());
        command.Subcommands.Add(OpsInventoryCommand.Create());
        command.Subcommands.Add(OpsNabCommand.Create());
        command.Subcommands.Add(OpsDetectCommand.Create());
        command.Subcommands.Add(OpsDefenceCommands.CreateDefend());
        command.Subcommands.Add(OpsSiloCommand.Create());
        command.Subcommands.Add(OpsCollectorCommand.Create());
        command.Subcommands.Add(OpsClusterCommands.Create());
        command.Subcommands.Add(OpsChaosCommand.Create());
        return command;
    }
}
