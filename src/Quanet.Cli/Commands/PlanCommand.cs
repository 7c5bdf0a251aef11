using System.CommandLine;
using Quanet.Cli.Commands.Plan;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Commands;

/// <summary>`quanet plan`: tower placement for a region (and optionally its backhaul and security), written as a plan directory.</summary>
internal static class PlanCommand
{
    /// <param name="time">The clock of the scenario and placement; null for the system clock (tests pass their own).</param>
    public static Command Create(TimeProvider? time = null)
    {
        var options = new PlanOptions();
        var command = new Command("plan", "Plan tower sites for a region: coverage from a link budget and path-loss model, placement by the chosen solver; writes plan.geojson, plan.html and plan.png");
        options.AddTo(command);
        CommandRunner.SetBody(command, (ctx, ct) => PlanRunner.Run(ctx, options, time ?? TimeProvider.System, ct));
        return command;
    }
}
