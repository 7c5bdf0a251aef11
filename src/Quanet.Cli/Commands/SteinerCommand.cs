using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet steiner` command until its area lands.</summary>
internal static class SteinerCommand
{
    public static Command Create() => new("steiner", "Solve a Steiner tree instance (SteinLib STP / PACE .gr) (not built yet)");
}
