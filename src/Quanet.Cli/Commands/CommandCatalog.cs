using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>
/// Every top-level command of <c>quanet</c>. Each area owns its own file in this folder
/// (QuboCommands.cs, PlanCommands.cs, ...) exposing a static <c>Create()</c>.
/// </summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return QuboCommands.Create();
        yield return MaxcutCommand.Create();
        yield return PlanCommand.Create();
        yield return SetcoverCommand.Create();
        yield return SteinerCommand.Create();
        yield return BackhaulCommand.Create();
        yield return QkdCommands.Create();
        yield return PqcCommands.Create();
        yield return SecureCommand.Create();
        yield return KmeCommands.Create();
        yield return OpsCommands.Create();
        yield return Serve.ServeCommand.Create();
    }
}
