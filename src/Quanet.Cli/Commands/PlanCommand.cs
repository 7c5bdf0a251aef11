using System.CommandLine;
using Quanet.Cli.Commands.Plan;
using Quanet.Cli.Infrastructure;

namespace Quanet.Cli.Commands;

/// <summary>`quanet plan`: tower placement for a region, written as plan.geojson, plan.html and plan.png.</summary>
internal static class PlanCommand
{
    /// <summary>Extensions that add options and outputs to the plan (backhaul, security); register them here.</summary>
    public static IReadOnlyList<IPlanExtension> Extensions { get; } = [new BackhaulPlanExtension(), new SecurePlanExtension()];

    public static Command Create()
    {
        var options = new PlanOptions();
        var command = new Command("plan", "Plan tower sites for a region: coverage from a link budget and path-loss model, placement by the chosen solver; writes plan.geojson, plan.html and plan.png");
        options.AddTo(command);
        foreach (var extension in Extensions)
        {
            extension.AddOptions(command);
        }

        CommandRunner.SetBody(command, (ctx, ct) => PlanRunner.Run(ctx, options, Extensions, TimeProvider.System, ct));
        return command;
    }
}
