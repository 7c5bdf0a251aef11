using System.CommandLine;
using Quanet.Cli.Infrastructure;
using Quanet.Server;
using Quanet.Server.Security;

namespace Quanet.Cli.Commands.Serve;

/// <summary>
/// <c>quanet serve keys add|list|remove</c>: the server's API keys. <c>add</c> prints the secret once, as its last line
/// on stdout; only its SHA-256 hash is stored.
/// </summary>
internal static class ServeKeysCommand
{
    public static Command Create()
    {
        var command = new Command("keys", "Manage the server's API keys (works while the server runs)");
        command.Subcommands.Add(Add());
        command.Subcommands.Add(List());
        command.Subcommands.Add(Remove());
        return command;
    }

    private static Command Add()
    {
        var name = new Argument<string>("NAME") { Description = "Key name (1 to 64 printable characters), shown in the audit log" };
        var role = new Option<string>("--role") { Description = "viewer, planner, operator or admin", Required = true }.MustBeOneOf([.. Roles.Ordered]);
        var data = ServeCommand.Data();
        var command = new Command("add", "Create an API key; its secret is printed once, as the last line") { name, role, data };
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var secret = QuanetServer.OpenKeys(ctx.Get(data)!.FullName).Add(ctx.Get(name)!, ctx.Get(role)!.ToLowerInvariant(), DateTimeOffset.UtcNow);
            ctx.Output.WriteLine($"created key '{ctx.Get(name)}' with role {ctx.Get(role)!.ToLowerInvariant()}; its secret (shown only now, send it as Authorization: Bearer SECRET):");
            ctx.Output.WriteLine(secret);
            return ExitCodes.Success;
        });
        return command;
    }

    private static Command List()
    {
        var data = ServeCommand.Data();
        var json = CommonOptions.Json();
        var command = new Command("list", "List the API keys (names and roles; never a secret)") { data, json };
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            var keys = QuanetServer.OpenKeys(ctx.Get(data)!.FullName).List();
            if (ctx.Get(json))
            {
                ctx.WriteJson(new { keys });
                return ExitCodes.Success;
            }

            foreach (var key in keys)
            {
                ctx.Output.WriteLine($"{key.Name}\t{key.Role}");
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static Command Remove()
    {
        var name = new Argument<string>("NAME") { Description = "Key to delete; its holder is refused from the next request on" };
        var data = ServeCommand.Data();
        var command = new Command("remove", "Delete an API key") { name, data };
        CommandRunner.SetBody(command, (ctx, _) =>
        {
            if (!QuanetServer.OpenKeys(ctx.Get(data)!.FullName).Remove(ctx.Get(name)!))
            {
                ctx.Error.WriteLine($"error: no API key named '{Quanet.Core.Text.Printable.Escape(ctx.Get(name)!)}'");
                return ExitCodes.DomainFailure;
            }

            ctx.Output.WriteLine($"removed key '{ctx.Get(name)}'");
            return ExitCodes.Success;
        });
        return command;
    }
}
