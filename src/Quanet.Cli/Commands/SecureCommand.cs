using System.CommandLine;

namespace Quanet.Cli.Commands;

/// <summary>Placeholder for the `quanet secure` command until its area lands.</summary>
internal static class SecureCommand
{
    public static Command Create() => new("secure", "Decide QKD or PQC for every backhaul link of a plan (not built yet)");
}
