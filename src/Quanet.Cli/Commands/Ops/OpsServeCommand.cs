using System.CommandLine;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Commands.Ops;

/// <summary>
/// <c>quanet ops serve</c>, deprecated: it served the operations API without any authentication. The operations API
/// now lives in <c>quanet serve</c> under keys and roles; this command only says where to go (exit 2).
/// </summary>
internal static class OpsServeCommand
{
    public const string Moved =
        "`quanet ops serve` is replaced by `quanet serve --listen 127.0.0.1:8080 --data DIR` (every call authenticated; " +
        "create a key with `quanet serve keys add NAME --role operator --data DIR`): VES at /eventListener/v7, " +
        "alarms, incidents and runbooks under /api/v1 (see docs/server.md)";

    public static Command Create()
    {
        var command = new Command("serve", "Deprecated: use `quanet serve` (the authenticated server with the operations API)")
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        Func<CommandContext, CancellationToken, int> moved = (_, _) => throw new UsageException(Moved);
        CommandRunner.SetBody(command, moved);
        return command;
    }
}
