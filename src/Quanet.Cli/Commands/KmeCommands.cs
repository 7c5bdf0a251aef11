using System.CommandLine;
using Quanet.Cli.Commands.Kme;

namespace Quanet.Cli.Commands;

/// <summary><c>quanet kme</c>: the ETSI GS QKD 014 key management entity (server, dev CA and client).</summary>
internal static class KmeCommands
{
    public static Command Create()
    {
        var command = new Command("kme", "ETSI GS QKD 014 key management entity: serve keys over mutual TLS, make dev certificates, act as an SAE client");
        command.Subcommands.Add(KmeCertsCommand.Create());
        command.Subcommands.Add(KmeServeCommand.Create());
        command.Subcommands.Add(KmeNetworkCommand.Create());
        command.Subcommands.Add(KmeControllerCommand.Create());
        command.Subcommands.Add(KmeAuditCommand.Create());
        command.Subcommands.Add(KmeClientCommands.Status());
        command.Subcommands.Add(KmeClientCommands.Get());
        command.Subcommands.Add(KmeClientCommands.Dec());
        command.Subcommands.Add(KmePskCommand.Create());
        return command;
    }
}
