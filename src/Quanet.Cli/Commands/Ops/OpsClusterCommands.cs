using System.CommandLine;

namespace Quanet.Cli.Commands.Ops;

/// <summary><c>quanet ops cluster up|down</c>: a local operations cluster on this machine.</summary>
internal static class OpsClusterCommands
{
    public static Command Create()
    {
        var command = new Command("cluster", "A local operations cluster on this machine: NATS JetStream, PostgreSQL, Orleans silos and a VES collector");
        command.Subcommands.Add(OpsClusterUpCommand.Create());
        command.Subcommands.Add(OpsClusterDownCommand.Create());
        return command;
    }
}
