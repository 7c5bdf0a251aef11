using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet setcover` command until its area lands.</summary>
internal static class SetcoverCommand
{
    public static Command Create() => new("setcover", "Solve an OR-Library set covering instance (not built yet)");
}
