using System.CommandLine;
using Quanet.Cli.Commands.Plan;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Commands;

/// <summary>`quanet plan`: tower placement for a region (and optionally its backhaul and security), written as a plan directory.</summary>
internal static class PlanCommand
{
    public static Command Create()
    {
        var options = new PlanOptions();
        var command = new Command("plan", "Plan tower sites for a region: coverage from a link budget and path-loss model, placement by the chosen solver; writes plan.geojson, plan.html and plan.png");
        options.AddTo(command);
        CommandRunner.SetBody(command, (ctx, ct) => PlanRunner.Run(ctx, options, TimeProvider.System, ct));
        return command;
    }
}
